import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_LIMITS, DEFAULT_TIMING, type Config } from '../../server/config';
import { startTwofold, type RunningServer } from '../../server/twofoldServer';

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'twofold-test-'));
}

/** A real Twofold server on a free port (API, Socket.IO and /yjs; no pages). */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<RunningServer & { dataDir: string }> {
  const dataDir = overrides.dataDir ?? tempDataDir();
  const server = await startTwofold({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    publicUrl: null,
    dev: false,
    withPages: false,
    logLevel: 'error',
    limits: DEFAULT_LIMITS,
    timing: DEFAULT_TIMING,
    ...overrides,
  });
  return Object.assign(server, { dataDir });
}
