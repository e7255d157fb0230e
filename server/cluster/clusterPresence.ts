import type { Log } from '../infra/log';
import { Presence } from '../control/presence';
import { PREFIX, type Redis } from './redis';

/** A node refreshes its liveness key this often; it counts as gone once the key has expired. */
const HEARTBEAT_MS = 2_000;
const NODE_TTL_MS = 6_000;

const NODES = `${PREFIX}nodes`;
const aliveKey = (node: string) => `${PREFIX}node:${node}`;
const onlineKey = (node: string) => `${PREFIX}online:${node}`;
const CHANNEL = `${PREFIX}presence`;

/**
 * Who is online across every node. Each node counts its own sockets (the
 * single-node Presence) and keeps, in Redis, the set of participants it has
 * online and a liveness key with a short TTL; changes are announced on a
 * channel so every node answers `isOnline` from memory. A node that stops
 * (even SIGKILL) stops renewing its key: the others drop its people once it
 * expires and tell whoever needs to know (`onWentOffline`).
 */
export class ClusterPresence {
  private readonly local = new Presence();
  /** Participants online on each other node. */
  private readonly elsewhere = new Map<string, Set<string>>();
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly sub: Redis,
    private readonly node: string,
    private readonly log: Log,
    /** Participants who went offline everywhere because their node vanished. */
    private readonly onWentOffline: (participantIds: string[]) => void,
  ) {}

  async start(): Promise<void> {
    await this.sub.subscribe(CHANNEL, (message) => this.onMessage(message));
    await this.rejoin();
    await this.reload();
    this.heartbeat = setInterval(() => void this.beat().then(() => this.sweep()).catch((err: Error) => this.log.error('presence heartbeat failed', err.message)), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Returns true when this made the participant come online (on any node). */
  add(participantId: string): boolean {
    const wasOnline = this.isOnline(participantId);
    if (this.local.add(participantId)) this.announce('+', participantId);
    return !wasOnline;
  }

  /** Returns true when this made the participant go offline everywhere. */
  remove(participantId: string): boolean {
    if (this.local.remove(participantId)) this.announce('-', participantId);
    return !this.isOnline(participantId);
  }

  isOnline(participantId: string): boolean {
    if (this.local.isOnline(participantId)) return true;
    for (const ids of this.elsewhere.values()) if (ids.has(participantId)) return true;
    return false;
  }

  /** People online on this node (metrics are per node). */
  get onlineCount(): number {
    return this.local.onlineCount;
  }

  /**
   * Writes this node's own entries again and says hello, so the others read them: at start, and
   * after a Redis outage (the others may have dropped this node while its heartbeat could not reach Redis).
   */
  async rejoin(): Promise<void> {
    const mine = this.local.participants();
    const key = onlineKey(this.node);
    const write = this.redis.multi().sAdd(NODES, this.node).del(key);
    if (mine.length > 0) write.sAdd(key, mine);
    await write.exec();
    await this.beat();
    await this.redis.publish(CHANNEL, JSON.stringify({ node: this.node, op: 'hello' }));
  }

  /** Reads every live node's set again: at start, and after a Redis reconnect (announcements may have been missed). */
  async reload(): Promise<void> {
    const nodes = (await this.redis.sMembers(NODES)).filter((n) => n !== this.node);
    const next = new Map<string, Set<string>>();
    for (const node of nodes) {
      if (!(await this.redis.exists(aliveKey(node)))) {
        await this.forget(node); // a node that died with nobody watching
        continue;
      }
      next.set(node, new Set(await this.redis.sMembers(onlineKey(node))));
    }
    const before = this.everyoneElsewhere();
    this.elsewhere.clear();
    for (const [node, ids] of next) this.elsewhere.set(node, ids);
    const gone = [...before].filter((id) => !this.isOnline(id));
    if (gone.length > 0) this.onWentOffline(gone);
  }

  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    await this.forget(this.node).catch(() => undefined);
    await this.redis.publish(CHANNEL, JSON.stringify({ node: this.node, op: 'gone' })).catch(() => undefined);
  }

  private announce(op: '+' | '-', participantId: string): void {
    const key = onlineKey(this.node);
    const write = op === '+' ? this.redis.sAdd(key, participantId) : this.redis.sRem(key, participantId);
    write
      .then(() => this.redis.publish(CHANNEL, JSON.stringify({ node: this.node, op, id: participantId })))
      .catch((err: Error) => this.log.error('presence announcement failed', err.message));
  }

  private onMessage(message: string): void {
    let m: { node: string; op: '+' | '-' | 'gone' | 'hello'; id?: string };
    try {
      m = JSON.parse(message);
    } catch {
      return;
    }
    if (m.node === this.node) return;
    if (m.op === 'gone') return this.dropNode(m.node);
    if (m.op === 'hello') {
      void this.redis.sMembers(onlineKey(m.node)).then(
        (ids) => this.elsewhere.set(m.node, new Set([...(this.elsewhere.get(m.node) ?? []), ...ids])),
        () => undefined,
      );
      return;
    }
    const ids = this.elsewhere.get(m.node) ?? new Set<string>();
    this.elsewhere.set(m.node, ids);
    if (m.op === '+' && m.id) ids.add(m.id);
    if (m.op === '-' && m.id) ids.delete(m.id);
  }

  private async beat(): Promise<void> {
    await this.redis.set(aliveKey(this.node), '1', { expiration: { type: 'PX', value: NODE_TTL_MS } });
  }

  /** Drops nodes whose liveness key expired (killed, or cut off from Redis). */
  private async sweep(): Promise<void> {
    for (const node of [...this.elsewhere.keys()]) {
      if (await this.redis.exists(aliveKey(node))) continue;
      this.dropNode(node);
      await this.forget(node);
    }
  }

  private dropNode(node: string): void {
    const ids = this.elsewhere.get(node);
    if (!ids) return;
    this.elsewhere.delete(node);
    const gone = [...ids].filter((id) => !this.isOnline(id));
    if (gone.length > 0) this.onWentOffline(gone);
  }

  private async forget(node: string): Promise<void> {
    await this.redis.multi().sRem(NODES, node).del(onlineKey(node)).del(aliveKey(node)).exec();
  }

  private everyoneElsewhere(): Set<string> {
    const all = new Set<string>();
    for (const ids of this.elsewhere.values()) for (const id of ids) all.add(id);
    return all;
  }
}
