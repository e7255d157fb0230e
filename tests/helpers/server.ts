import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { DEFAULT_LIMITS, DEFAULT_TIMING, type Config, type Timing } from '../../server/config';
import { startTwofold, type RunningServer } from '../../server/twofoldServer';
import { ApiClient } from './apiClient';
import { createTestDatabase } from './testDatabase';

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'twofold-test-'));
}

/**
 * `TWOFOLD_TEST_STORE=postgres` runs the servers of the integration tests on the run's
 * PostgreSQL instead of SQLite: one fresh database per data folder, so a test that restarts
 * a server on the same folder finds its data again.
 */
const pgDatabases = new Map<string, Promise<string>>();
function databaseUrlFor(dataDir: string): Promise<string> | null {
  if (process.env.TWOFOLD_TEST_STORE !== 'postgres') return null;
  if (!pgDatabases.has(dataDir)) pgDatabases.set(dataDir, createTestDatabase());
  return pgDatabases.get(dataDir)!;
}

export type TestServerOptions = Partial<Omit<Config, 'timing'>> & { timing?: Partial<Timing>; now?: () => number };

/** A real Twofold server on a free port (API, Socket.IO and /yjs; no pages). */
export async function startTestServer(options: TestServerOptions = {}): Promise<RunningServer & { dataDir: string }> {
  const { timing, now, ...overrides } = options;
  const dataDir = overrides.dataDir ?? tempDataDir();
  // `databaseUrl: null` asks for SQLite whatever TWOFOLD_TEST_STORE says.
  const databaseUrl = overrides.databaseUrl !== undefined ? overrides.databaseUrl : await databaseUrlFor(dataDir);
  const server = await startTwofold(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      publicUrl: null,
      metricsToken: null,
      dev: false,
      withPages: false,
      logLevel: 'error',
      limits: DEFAULT_LIMITS,
      ...overrides,
      databaseUrl,
      timing: { ...DEFAULT_TIMING, ...timing },
    },
    now,
  );
  return Object.assign(server, { dataDir });
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/**
 * The server a whole test file shares, with an API client on it: started while the file
 * loads (`const { server, api } = await serverForFile()` at the top of the file), closed
 * after the file's last test.
 */
export async function serverForFile(options: TestServerOptions = {}): Promise<{ server: TestServer; api: ApiClient }> {
  const server = await startTestServer(options);
  afterAll(() => server.close());
  return { server, api: new ApiClient(server.url) };
}

/** A server of one test's own (its own clock, timings or rate-limit counts), closed when `use` ends, pass or fail. */
export async function withServer<T>(options: TestServerOptions, use: (s: { server: TestServer; api: ApiClient }) => Promise<T>): Promise<T> {
  const server = await startTestServer(options);
  try {
    return await use({ server, api: new ApiClient(server.url) });
  } finally {
    await server.close();
  }
}
