import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CLOSE_CODES, type CloseCode } from '../../lib/protocol';
import { enforceBoardLimits } from '../../lib/board/limits';
import { countByExercise, ENTRIES_KEY } from '../../lib/board/schema';
import { MAX_ENTRIES_PER_BOARD, MAX_ENTRY_CHARS } from '../../lib/limits';
import type { Limits, Timing } from '../config';
import type { Log } from '../log';
import type { Store } from '../store/types';
import { decodeMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, type IncomingMessage } from './messages';

/** One client socket on a board, as the board sees it. */
export interface BoardConnection {
  readonly participantId: string;
  /** Asked for every update: false for a reader (the partner of a revealed private doc), a locked or ended workshop. */
  canWrite(): boolean;
  /** Awareness client ids this connection has announced; removed when it leaves. */
  readonly awarenessIds: Set<number>;
  /** Presence updates this connection may still send now; past it they are dropped. */
  readonly awarenessBudget: { take(): boolean };
  send(data: Uint8Array): void;
  close(code: CloseCode, reason: string): void;
}

export interface BoardDeps {
  store: Store;
  limits: Limits;
  timing: Timing;
  log: Log;
  /** Called (throttled) with written entries per agenda item when the board changed. */
  onActivity(counts: Record<string, number>): void;
  /** Other nodes serving the same docs (server/cluster); absent on a single node. */
  peers?: BoardPeers;
}

export type PeerMessageKind = 'update' | 'awareness';

/**
 * How a board hears and tells the other nodes that have the same doc loaded.
 * The node that receives a client's update stores it once and publishes it;
 * the others apply it to their copy and relay it to their clients, without storing.
 */
export interface BoardPeers {
  /** Starts hearing other nodes about `docName`; resolves once subscribed (the store is read after, so nothing falls in between). */
  join(docName: string, deliver: (kind: PeerMessageKind, bytes: Uint8Array) => void): Promise<void>;
  publish(docName: string, kind: PeerMessageKind, bytes: Uint8Array): void;
  leave(docName: string): void;
  /** Folds the stored log into a snapshot read from the store (this node's copy may lag another's), one node at a time; its size, or null if another node is at it. */
  compact(docName: string): Promise<number | null>;
}

/** Origin of changes that came from another node: applied and relayed here, never stored or published again. */
const FROM_PEER = Symbol('peer');

/** Entry counts reach the console at most this often per board, when they changed. */
const STATS_THROTTLE_MS = 300;
/**
 * While only the wording changes (the counts stay the same), activity is recorded at most this
 * often: it keeps the console's "last activity" fresh (it reads "just now" for 45 s) without a
 * database write and a console update for every board three times a second.
 */
const ACTIVITY_REFRESH_MS = 30_000;

/**
 * A board loaded in memory: its Y.Doc, awareness and connections. Every
 * message of a board is handled in arrival order on one promise chain, and an
 * update is relayed (to every connection, its sender too: the echo tells the
 * sender it is saved) only after the store has it.
 */
export class LiveBoard {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private readonly conns = new Set<BoardConnection>();
  private chain: Promise<void> = Promise.resolve();
  /** Effective updates produced by the apply in progress (Yjs emits them synchronously). */
  private produced: Uint8Array[] = [];
  /** Set while a client update is applied: the types it changed (Yjs reports them after each transaction). */
  private changed: Map<Y.AbstractType<unknown>, Set<string | null>> | null = null;
  private approxBytes = 0;
  private updatesSinceCompaction = 0;
  private compactTimer: NodeJS.Timeout | null = null;
  /** When the last update was stored: the idle-compaction timer re-arms itself from it instead of being reset per update. */
  private lastUpdateAt = 0;
  private statsTimer: NodeJS.Timeout | null = null;
  /** What the console last heard from this board, and when. */
  private reported: { counts: Record<string, number>; at: number } | null = null;
  private destroyed = false;

  private constructor(
    readonly docName: string,
    private readonly deps: BoardDeps,
  ) {
    this.awareness.setLocalState(null); // the server itself is not a participant
    this.doc.on('update', (update: Uint8Array) => this.produced.push(update));
    this.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (this.changed) tr.changed.forEach((keys, type) => this.changed!.set(type as Y.AbstractType<unknown>, keys));
    });
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  static async load(docName: string, deps: BoardDeps): Promise<LiveBoard> {
    const board = new LiveBoard(docName, deps);
    if (deps.peers) return board.loadWithPeers(deps.peers);
    return board.loadStored();
  }

  private async loadStored(): Promise<LiveBoard> {
    const stored = await this.deps.store.loadDoc(this.docName);
    Y.transact(this.doc, () => {
      if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(this.doc, update);
    });
    this.produced = [];
    this.approxBytes = (stored.snapshot?.length ?? 0) + stored.updates.reduce((n, u) => n + u.length, 0);
    this.updatesSinceCompaction = stored.updates.length;
    return this;
  }

  /** Subscribes first, then reads the store: what another node publishes meanwhile waits on the chain and is applied after. */
  private async loadWithPeers(peers: BoardPeers): Promise<LiveBoard> {
    let loaded!: () => void;
    this.chain = new Promise<void>((resolve) => (loaded = resolve));
    try {
      await peers.join(this.docName, (kind, bytes) => this.receiveFromPeer(kind, bytes));
      return await this.loadStored();
    } catch (err) {
      this.destroyed = true;
      peers.leave(this.docName);
      throw err;
    } finally {
      loaded();
    }
  }

  /** An update or presence change another node received from its client (or the stored state after a gap): applied in order, relayed here. */
  private receiveFromPeer(kind: PeerMessageKind, bytes: Uint8Array): void {
    this.chain = this.chain
      .then(() => {
        if (this.destroyed) return;
        if (kind === 'awareness') return awarenessProtocol.applyAwarenessUpdate(this.awareness, bytes, FROM_PEER);
        this.produced = [];
        Y.applyUpdate(this.doc, bytes, FROM_PEER);
        const produced = this.produced;
        this.produced = [];
        if (produced.length === 0) return;
        const effective = produced.length === 1 ? produced[0] : Y.mergeUpdates(produced);
        this.approxBytes += effective.length;
        const message = encodeUpdate(effective);
        for (const c of this.conns) c.send(message);
      })
      .catch((err) => this.deps.log.error(`board ${this.docName}: peer message failed`, err));
  }

  get connectionCount(): number {
    return this.conns.size;
  }

  /** Starts the sync handshake: our state vector, then everyone's presence. */
  add(conn: BoardConnection): void {
    this.conns.add(conn);
    conn.send(encodeSyncStep1(this.doc));
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) conn.send(encodeAwareness(this.awareness, present));
  }

  remove(conn: BoardConnection): void {
    if (!this.conns.delete(conn)) return;
    if (conn.awarenessIds.size === 0) return;
    const ids = [...conn.awarenessIds];
    awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
    this.deps.peers?.publish(this.docName, 'awareness', awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
  }

  /** Queues one raw frame from `conn`; frames are handled strictly in order. */
  receive(conn: BoardConnection, data: Uint8Array): void {
    let message: IncomingMessage;
    try {
      message = decodeMessage(data);
    } catch {
      conn.close(CLOSE_CODES.badRequest, 'malformed message');
      return;
    }
    this.chain = this.chain
      .then(() => this.handle(conn, message))
      .catch((err) => {
        this.deps.log.error(`board ${this.docName}: message failed`, err);
        conn.close(CLOSE_CODES.internalError, 'server error');
      });
  }

  private async handle(conn: BoardConnection, message: IncomingMessage): Promise<void> {
    if (this.destroyed || !this.conns.has(conn)) return;
    switch (message.kind) {
      case 'syncStep1': {
        let reply: Uint8Array;
        try {
          reply = encodeSyncStep2(this.doc, message.stateVector);
        } catch {
          return conn.close(CLOSE_CODES.badRequest, 'malformed state vector');
        }
        return conn.send(reply);
      }
      case 'update':
        return this.applyClientUpdate(conn, message.update);
      case 'awareness':
        if (!conn.awarenessBudget.take()) return; // presence is best-effort: a flood is simply not relayed
        try {
          awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, conn);
          this.deps.peers?.publish(this.docName, 'awareness', message.update);
        } catch {
          conn.close(CLOSE_CODES.badRequest, 'malformed awareness update');
        }
        return;
      case 'queryAwareness':
        return conn.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
    }
  }

  private async applyClientUpdate(conn: BoardConnection, update: Uint8Array): Promise<void> {
    // Read-only is the server's decision. A sync that brings nothing new is fine; real changes are
    // refused by closing the connection: silently dropping them would leave every later update of
    // that client waiting on the missing ones, on the server and on the partner's phone.
    if (!conn.canWrite()) {
      if (!addsSomething(this.doc, update)) return;
      return conn.close(CLOSE_CODES.readOnly, 'read-only');
    }
    if (this.approxBytes + update.length > this.deps.limits.maxBoardBytes) {
      return conn.close(CLOSE_CODES.boardTooLarge, 'board size limit reached');
    }
    this.produced = [];
    let malformed = false;
    const changed = (this.changed = new Map());
    try {
      Y.applyUpdate(this.doc, update, conn);
    } catch {
      malformed = true;
    } finally {
      this.changed = null;
    }
    if (changed.size > 0 && overLimits(this.doc, changed)) enforceBoardLimits(this.doc, changed);
    // Whatever Yjs integrated (even from an update that failed halfway) is in the doc now: store it, then relay it.
    const produced = this.produced;
    this.produced = [];
    if (produced.length > 0) {
      const effective = produced.length === 1 ? produced[0] : Y.mergeUpdates(produced);
      await this.deps.store.appendUpdate(this.docName, effective);
      this.deps.peers?.publish(this.docName, 'update', effective);
      this.approxBytes += effective.length;
      this.updatesSinceCompaction++;
      const message = encodeUpdate(effective);
      for (const c of this.conns) c.send(message);
      this.scheduleCompaction();
      this.scheduleStats();
    }
    if (malformed) conn.close(CLOSE_CODES.badRequest, 'malformed update');
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const conn = origin as BoardConnection | null;
    if (conn && this.conns.has(conn)) {
      for (const id of [...added, ...updated]) conn.awarenessIds.add(id);
      for (const id of removed) conn.awarenessIds.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0 || this.conns.size === 0) return;
    const message = encodeAwareness(this.awareness, changed);
    for (const c of this.conns) c.send(message);
  };

  private scheduleCompaction(): void {
    this.lastUpdateAt = Date.now();
    if (this.updatesSinceCompaction >= this.deps.timing.compactMaxUpdates) {
      void this.enqueue(() => this.compact());
      return;
    }
    if (!this.compactTimer) this.armIdleCompaction(this.deps.timing.compactIdleMs);
  }

  /** One timer per board, not one per update: when it fires early (more updates came), it waits out the rest. */
  private armIdleCompaction(delayMs: number): void {
    this.compactTimer = setTimeout(() => {
      this.compactTimer = null;
      if (this.destroyed) return;
      const idleFor = Date.now() - this.lastUpdateAt;
      if (idleFor < this.deps.timing.compactIdleMs) return this.armIdleCompaction(this.deps.timing.compactIdleMs - idleFor);
      void this.enqueue(() => this.compact());
    }, delayMs);
    this.compactTimer.unref();
  }

  private scheduleStats(): void {
    if (this.statsTimer) return;
    this.statsTimer = setTimeout(() => {
      this.statsTimer = null;
      if (!this.destroyed) this.reportActivity(false);
    }, STATS_THROTTLE_MS);
    this.statsTimer.unref();
  }

  /** Tells the console when the counts changed, and otherwise only now and then (see ACTIVITY_REFRESH_MS). */
  private reportActivity(force: boolean): void {
    const counts = countByExercise(this.doc);
    const now = Date.now();
    if (!force && this.reported && sameCounts(this.reported.counts, counts) && now - this.reported.at < ACTIVITY_REFRESH_MS) return;
    this.reported = { counts, at: now };
    this.deps.onActivity(counts);
  }

  /** Runs `task` on the board's chain, after every message received before it. */
  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.chain.then(task);
    this.chain = run.catch((err) => this.deps.log.error(`board ${this.docName}: task failed`, err));
    return this.chain;
  }

  /**
   * Folds the update log into one snapshot. The id is read first: every stored
   * update up to it is already in the doc (updates are applied before they are
   * stored), so the snapshot taken after covers all the rows it replaces.
   */
  private async compact(): Promise<void> {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = null;
    if (this.updatesSinceCompaction === 0) return;
    if (this.deps.peers) {
      const size = await this.deps.peers.compact(this.docName);
      if (size !== null) this.approxBytes = size;
      this.updatesSinceCompaction = 0;
      return;
    }
    const upToId = await this.deps.store.lastUpdateId(this.docName);
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    await this.deps.store.compactDoc(this.docName, snapshot, upToId);
    this.approxBytes = snapshot.length;
    this.updatesSinceCompaction = 0;
  }

  /**
   * Compacts (unless the board was deleted: then nothing may be written
   * back), stops timers, closes connections and frees the doc.
   */
  async close(closeCode: CloseCode = CLOSE_CODES.goingAway, save = true): Promise<void> {
    if (save) await this.enqueue(() => this.compact());
    if (this.compactTimer) clearTimeout(this.compactTimer);
    if (this.statsTimer) {
      clearTimeout(this.statsTimer);
      this.statsTimer = null;
      if (save) this.reportActivity(true);
    }
    this.destroyed = true;
    for (const c of this.conns) c.close(closeCode, 'board closed');
    this.conns.clear();
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
    this.deps.peers?.leave(this.docName);
  }
}

/**
 * Whether an edit left the board past a limit, checked without a transaction: the same texts
 * enforceBoardLimits looks at (texts edited in place, texts of entries added or replaced).
 * Almost every edit is within limits, and an empty Yjs transaction per edit is not free.
 */
function overLimits(doc: Y.Doc, changed: Map<Y.AbstractType<unknown>, Set<string | null>>): boolean {
  const entries = doc.getMap(ENTRIES_KEY);
  if (entries.size > MAX_ENTRIES_PER_BOARD) return true;
  for (const [type, keys] of changed) {
    if (type instanceof Y.Text && type.length > MAX_ENTRY_CHARS) return true;
    if (type === entries) {
      for (const key of keys) {
        const text = key === null ? null : (entries.get(key) as Y.Map<unknown> | undefined)?.get?.('text');
        if (text instanceof Y.Text && text.length > MAX_ENTRY_CHARS) return true;
      }
    }
  }
  return false;
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => a[k] === b[k]);
}

/**
 * True if applying `update` would change `doc` (or it cannot be read). New
 * structs are found by diffing against the doc's state vector; deletions are
 * new only where the doc does not already have them deleted (a mirror's sync
 * always carries the whole delete set).
 */
function addsSomething(doc: Y.Doc, update: Uint8Array): boolean {
  try {
    const decoded = Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(doc)));
    if (decoded.structs.length > 0) return true;
    if (decoded.ds.clients.size === 0) return false;
    const known = Y.createDeleteSetFromStructStore(doc.store);
    for (const [client, ranges] of decoded.ds.clients) {
      for (const range of ranges) if (!covered(known.clients.get(client) ?? [], range.clock, range.clock + range.len)) return true;
    }
    return false;
  } catch {
    return true;
  }
}

/** Whether [from, to) lies inside the union of sorted, merged delete ranges. */
function covered(ranges: { clock: number; len: number }[], from: number, to: number): boolean {
  let at = from;
  for (const r of ranges) {
    if (r.clock > at) break;
    if (r.clock + r.len > at) at = r.clock + r.len;
    if (at >= to) return true;
  }
  return at >= to;
}
