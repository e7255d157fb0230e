import { randomBytes } from 'node:crypto';
import { createClient, type RedisClientType } from 'redis';
import type { Log } from '../infra/log';

export type Redis = RedisClientType;

/** Every key and channel Twofold uses in Redis starts with this (the Socket.IO adapter has its own, `socket.io`). */
export const PREFIX = 'twofold:';

/** Reconnect backoff: quick first tries, at most 2 s apart, forever (a node without Redis waits for it). */
const reconnectStrategy = (retries: number) => Math.min(50 * 2 ** retries, 2_000);

/** A connected client; `onReconnect` runs each time it is ready again after losing its connection. */
export async function connectRedis(url: string, name: string, log: Log, onReconnect?: () => void): Promise<Redis> {
  const client = createClient({ url, socket: { reconnectStrategy } });
  let lost = false;
  client.on('error', (err: Error) => {
    if (!lost) log.error(`redis (${name}): ${err.message}`);
    lost = true;
  });
  client.on('ready', () => {
    if (!lost) return;
    lost = false;
    log.info(`redis (${name}): reconnected`);
    onReconnect?.();
  });
  await client.connect();
  return client;
}

/** This process's identity among the nodes: a fresh one per start, so a restarted node never inherits a dead one's keys. */
export function newNodeTag(name: string | null): string {
  return `${name ?? 'node'}-${randomBytes(6).toString('hex')}`;
}

const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/**
 * Runs `task` while holding a Redis lock (SET NX PX, released only by its
 * holder). The lease outlives any sane task; if the holder dies, it expires.
 * Returns null, without running `task`, if another node holds the lock and
 * `wait` is false, or after `wait` tries.
 */
export async function withLock<T>(redis: Redis, key: string, task: () => Promise<T>, opts: { leaseMs: number; tries: number; retryMs: number }): Promise<T | null> {
  const token = randomBytes(8).toString('hex');
  const name = `${PREFIX}lock:${key}`;
  for (let attempt = 0; ; attempt++) {
    const got = await redis.set(name, token, { condition: 'NX', expiration: { type: 'PX', value: opts.leaseMs } });
    if (got === 'OK') break;
    if (attempt + 1 >= opts.tries) return null;
    await new Promise((resolve) => setTimeout(resolve, opts.retryMs * (1 + Math.random())));
  }
  try {
    return await task();
  } finally {
    await redis.eval(RELEASE, { keys: [name], arguments: [token] }).catch(() => undefined);
  }
}
