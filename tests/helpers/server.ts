import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_LIMITS, DEFAULT_TIMING, type Config, type Timing } from '../../server/config';
import { startTwofold, type RunningServer } from '../../server/twofoldServer';
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

type Options = Partial<Omit<Config, 'timing'>> & { timing?: Partial<Timing>; now?: () => number };

/** A real Twofold server on a free port (API, Socket.IO and /yjs; no pages). */
export async function startTestServer(options: Options = {}): Promise<RunningServer & { dataDir: string }> {
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
