import type { TestProject } from 'vitest/node';
import { startPostgres } from './services';

/**
 * Integration project global setup: one throw-away PostgreSQL for the whole run; each test
 * file that needs it creates its own database with createTestDatabase() (services.ts).
 * If PostgreSQL is missing, this throws and the run fails: the store contract must be
 * checked against every backend, never silently skipped.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await startPostgres();
  project.provide('postgresAdminUrl', postgres.adminUrl);
  return () => postgres.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's throw-away PostgreSQL (tests/helpers/globalServices.ts). */
    postgresAdminUrl: string;
  }
}
