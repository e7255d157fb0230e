import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createDatabase } from './services';

/**
 * A fresh, empty database on the run's PostgreSQL (started by globalServices.ts), for one
 * test file or one test; returns its URL. The whole server is deleted after the run.
 */
export async function createTestDatabase(): Promise<string> {
  const adminUrl = inject('postgresAdminUrl');
  if (!adminUrl) throw new Error('No PostgreSQL for this run: createTestDatabase() works in the integration project (see globalSetup in vitest.config.ts).');
  const name = `twofold_${randomBytes(6).toString('hex')}`;
  await createDatabase(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
