import path from 'node:path';
import { z } from 'zod';
import { defaultMaxConnections } from './infra/fileDescriptors';
import { DEFAULT_LIMITS, DEFAULT_TIMING, type Limits, type Timing } from './tunables';
import { parseTrustProxy, type TrustProxy } from './infra/clientAddress';
import type { NetworkInterfaces } from './infra/phoneOrigin';

export { DEFAULT_LIMITS, DEFAULT_TIMING, type Limits, type Timing };

/**
 * The only reader of process.env. Every setting has a default that works on a
 * laptop; a bad value stops the process at start-up with a readable message.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** A postgres:// URL selects the PostgreSQL store (several nodes); unset, the embedded SQLite in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL (leave it unset to use SQLite in DATA_DIR)')
    .optional(),
  /** Public origin, e.g. https://twofold.example.org, when behind a proxy; otherwise taken from each request. */
  PUBLIC_URL: z.url().optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
  /** Lets non-loopback callers read GET /api/metrics with `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** `off` serves only the API and sockets (harnesses and benchmarks that need no build). */
  PAGES: z.enum(['on', 'off']).default('on'),
  MAX_CONNECTIONS_PER_IP: z.coerce.number().int().min(10).max(1_000_000).default(DEFAULT_LIMITS.maxConnectionsPerIp),
  /** TCP connections of the whole process; unset: the file-descriptor limit minus a margin (server/infra/fileDescriptors.ts). */
  MAX_CONNECTIONS: z.coerce.number().int().min(16).max(10_000_000).optional(),
  /** Not yet authenticated TCP connections (HTTP, upgrades in progress) from one address. */
  MAX_PENDING_PER_IP: z.coerce.number().int().min(10).max(1_000_000).default(DEFAULT_LIMITS.maxPendingPerIp),
  BOARD_UNLOAD_DELAY_MS: z.coerce.number().int().min(0).max(3_600_000).default(DEFAULT_TIMING.docUnloadDelayMs),
  /** redis://… : run as one of several nodes (Socket.IO adapter, board relay, shared limits and presence). */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
  /** A name for this node in logs and Redis keys; random when unset. */
  NODE_ID: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, _ . - (up to 64)').optional(),
  /** Proxies whose X-Forwarded-For is believed: a number of hops, or addresses / CIDR ranges (see server/infra/clientAddress.ts). */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return value === undefined ? null : parseTrustProxy(value);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    }),
  /** Signs board tickets; the same value on every node. Unset: a random secret per process, or one shared through Redis. */
  TICKET_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
});

export interface Config {
  port: number;
  host: string;
  /** Folder holding twofold.sqlite (created if missing); unused when `databaseUrl` is set. */
  dataDir: string;
  /** PostgreSQL connection URL: the shared store of a scaled-out deployment. Null: SQLite in `dataDir`. */
  databaseUrl: string | null;
  publicUrl: string | null;
  metricsToken: string | null;
  dev: boolean;
  /** False in tests that drive only the API and sockets: no Next.js, pages answer 404. */
  withPages: boolean;
  logLevel: 'silent' | 'error' | 'info' | 'debug';
  limits: Limits;
  timing: Timing;
  /** Set when this is one node of several; null runs everything in this process (nothing of server/cluster is loaded). */
  cluster?: { redisUrl: string; nodeId: string | null } | null;
  /** Null (the default): X-Forwarded-For is ignored and the socket's peer is the client. */
  trustProxy?: TrustProxy | null;
  /** Null: see TICKET_SECRET above. */
  ticketSecret?: string | null;
  /** This machine's interfaces, for the links phones open ([R76]); os.networkInterfaces unless a test gives others. */
  networkInterfaces?: () => NetworkInterfaces;
}

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
    databaseUrl: e.DATABASE_URL ?? null,
    publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/$/, '') : null,
    metricsToken: e.METRICS_TOKEN ?? null,
    dev: e.NODE_ENV !== 'production',
    withPages: e.PAGES === 'on',
    logLevel: e.LOG_LEVEL,
    limits: {
      ...DEFAULT_LIMITS,
      maxConnectionsPerIp: e.MAX_CONNECTIONS_PER_IP,
      maxConnections: e.MAX_CONNECTIONS ?? defaultMaxConnections(),
      maxPendingPerIp: e.MAX_PENDING_PER_IP,
    },
    timing: { ...DEFAULT_TIMING, docUnloadDelayMs: e.BOARD_UNLOAD_DELAY_MS },
    cluster: e.REDIS_URL ? { redisUrl: e.REDIS_URL, nodeId: e.NODE_ID ?? null } : null,
    trustProxy: e.TRUST_PROXY,
    ticketSecret: e.TICKET_SECRET ?? null,
  };
}
