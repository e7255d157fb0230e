import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Every setting has a default that works on a
 * laptop; a bad value stops the process at start-up with a readable message.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Public origin, e.g. https://twofold.example.org, when behind a proxy; otherwise taken from each request. */
  PUBLIC_URL: z.url().optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  /** Folder holding twofold.sqlite (created if missing). */
  dataDir: string;
  publicUrl: string | null;
  dev: boolean;
  /** False in tests that drive only the API and sockets: no Next.js, pages answer 404. */
  withPages: boolean;
  logLevel: 'silent' | 'error' | 'info' | 'debug';
  limits: Limits;
  timing: Timing;
}

export interface Limits {
  /** Largest WebSocket frame on /yjs (ws maxPayload); larger frames close with 1009. */
  maxYjsMessageBytes: number;
  /** Largest Socket.IO message (maxHttpBufferSize). */
  maxSocketIoMessageBytes: number;
  /** A board doc that grows past this refuses further updates (close 4413). */
  maxBoardBytes: number;
}

export interface Timing {
  /** Keep a board in memory this long after its last client leaves (a reload comes back fast). */
  docUnloadDelayMs: number;
  /** Compact a board's update log into a snapshot after this long without edits. */
  compactIdleMs: number;
  /** Compact early when a board has this many updates in its log. */
  compactMaxUpdates: number;
  /** The console hears about entry counts and presence at most this often per workshop. */
  hostSnapshotThrottleMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxYjsMessageBytes: 1 << 20,
  maxSocketIoMessageBytes: 64 * 1024,
  maxBoardBytes: 4 << 20,
};

export const DEFAULT_TIMING: Timing = {
  docUnloadDelayMs: 30_000,
  compactIdleMs: 10_000,
  compactMaxUpdates: 500,
  hostSnapshotThrottleMs: 250,
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/$/, '') : null,
    dev: e.NODE_ENV !== 'production',
    withPages: true,
    logLevel: e.LOG_LEVEL,
    limits: DEFAULT_LIMITS,
    timing: DEFAULT_TIMING,
  };
}
