import { randomBytes } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { LimiterFactory } from '../http/guessLimiter';
import type { SharedStates } from '../workshop/workshopStates';
import type { Log } from '../infra/log';
import type { Store } from '../store/storeTypes';
import { RedisBoardPeers } from './boardPeers';
import { bridgeRoomEvents, type RemoteEventHandlers } from './eventBridge';
import { ClusterPresence } from './clusterPresence';
import { connectRedis, newNodeTag, PREFIX, withLock } from './redis';
import type { RoomEvents } from '../workshop/roomEvents';

/** A workshop command takes milliseconds; a node waits this long for another node's command on the same workshop. */
const COMMAND_LOCK = { leaseMs: 10_000, tries: 200, retryMs: 10 };

/**
 * Everything a node needs to be one of several (loaded only when REDIS_URL is
 * set, by a dynamic import): the Socket.IO Redis streams adapter, the board
 * relay, room events, presence, shared rate limits and the workshop lock.
 * Three connections: one for commands and publishing, one subscriber, and
 * the adapter's own (it duplicates it once more for its blocking reads).
 */
export async function startCluster(opts: { redisUrl: string; nodeName: string | null; store: Store; log: Log }) {
  const { redisUrl, store, log } = opts;
  const node = newNodeTag(opts.nodeName);
  const reconnected: (() => void)[] = [];
  const onReconnect = () => reconnected.forEach((f) => f());
  const pub = await connectRedis(redisUrl, 'commands', log);
  const sub = await connectRedis(redisUrl, 'subscriber', log, onReconnect);
  const adapterClient = await connectRedis(redisUrl, 'socket.io', log);

  const boards = new RedisBoardPeers(pub, sub, node, store, log);
  let wentOffline: (ids: string[]) => void = () => undefined;
  const presence = new ClusterPresence(pub, sub, node, log, (ids) => wentOffline(ids));
  await presence.start();

  const shared: SharedStates = {
    async withLock(code, task) {
      const result = await withLock(pub, `workshop:${code}`, async () => ({ value: await task() }), COMMAND_LOCK);
      if (!result) throw new Error(`workshop ${code}: lock not acquired`);
      return result.value;
    },
  };

  const limiters: LimiterFactory = ({ points, duration, keyPrefix }) =>
    new RateLimiterRedis({
      storeClient: pub,
      useRedisPackage: true,
      points,
      duration,
      keyPrefix: `${PREFIX}rl:${keyPrefix}`,
      // Without Redis for a moment, each node limits on its own rather than letting every guess through.
      insuranceLimiter: new RateLimiterMemory({ points, duration }),
    });

  /** A secret every node shares (the first node to ask makes it): for values all nodes must verify, e.g. board tickets. */
  async function sharedSecret(name: string): Promise<string> {
    const key = `${PREFIX}secret:${name}`;
    await pub.set(key, randomBytes(32).toString('base64url'), { condition: 'NX' });
    const value = await pub.get(key);
    if (!value) throw new Error(`shared secret ${name} missing in Redis`);
    return value;
  }

  log.info(`cluster node ${node} on ${redactUrl(redisUrl)}`);
  return {
    node,
    boards,
    presence,
    shared,
    limiters,
    sharedSecret,
    adapter: createAdapter(adapterClient, { streamName: `${PREFIX}socket.io`, channelPrefix: `${PREFIX}socket.io`, sessionKeyPrefix: `${PREFIX}sio:session:` }),

    /** Wires what arrives from other nodes once the rest of the server exists. */
    async connect(parts: {
      events: RoomEvents;
      handlers: RemoteEventHandlers;
      wentOffline(ids: string[]): void;
      /** After Redis came back: what this node may have missed. */
      resync(): Promise<void>;
    }): Promise<void> {
      wentOffline = parts.wentOffline;
      reconnected.push(() => {
        void Promise.all([boards.resyncAll(), presence.rejoin().then(() => presence.reload()), parts.resync()]).catch((err) => log.error('resync after reconnect failed', err));
      });
      await bridgeRoomEvents({ events: parts.events, pub, sub, node, log, handlers: parts.handlers });
    },

    /** For the readiness check: the command and subscriber connections are up, and Redis answers. */
    async ping(): Promise<void> {
      if (!pub.isReady || !sub.isReady) throw new Error('not connected to Redis');
      await pub.ping();
    },

    async close(): Promise<void> {
      await presence.stop();
      for (const client of [sub, adapterClient, pub]) await client.close().catch(() => undefined);
    },
  };
}

export type Cluster = Awaited<ReturnType<typeof startCluster>>;

function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
