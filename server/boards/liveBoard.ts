import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CLOSE_CODES, type CloseCode } from '../../lib/protocol';
import { enforceBoardLimits } from '../../lib/board/limits';
import type { Limits, Timing } from '../config';
import type { Log } from '../log';
import type { Store } from '../store/types';
import { ActivityReporter } from './activityReporter';
import { backgroundLane } from './backgroundLane';
import { CompactionSchedule } from './compactionSchedule';
import type { GroupCommit } from './groupCommit';
import { addsSomething, decodes, overLimits } from './updateChecks';
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
  /** Present with a synchronous store: updates are written together at the end of each event-loop turn. */
  groupCommit: GroupCommit | null;
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

/**
 * A board loaded in memory: its Y.Doc, awareness and connections. Every
 * message of a board is handled in arrival order (at once, or on the board's
 * queue while something asynchronous is under way), and an update is relayed
 * (to every connection, its sender too: the echo tells the sender it is
 * saved) only after the store has it.
 */
export class LiveBoard {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private readonly conns = new Set<BoardConnection>();
  private chain: Promise<void> = Promise.resolve();
  /** Tasks on the chain not finished yet: while there are any, new frames queue behind them. */
  private pending = 0;
  /** Updates of this board waiting in the group commit: a task on the chain waits for them first. */
  private batched = 0;
  /** Set while the server itself edits the doc (enforcing limits): the updates that produces (Yjs emits them synchronously). */
  private produced: Uint8Array[] | null = null;
  /** Set while a client update is applied: the types it changed (Yjs reports them after each transaction). */
  private changed: Map<Y.AbstractType<unknown>, Set<string | null>> | null = null;
  private approxBytes = 0;
  private updatesSinceCompaction = 0;
  private readonly compaction: CompactionSchedule;
  private readonly activity: ActivityReporter;
  private destroyed = false;

  private constructor(
    readonly docName: string,
    private readonly deps: BoardDeps,
  ) {
    this.awareness.setLocalState(null); // the server itself is not a participant
    this.doc.on('update', (update: Uint8Array) => this.produced?.push(update));
    this.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (this.changed) tr.changed.forEach((keys, type) => this.changed!.set(type as Y.AbstractType<unknown>, keys));
    });
    this.awareness.on('update', this.onAwarenessUpdate);
    this.compaction = new CompactionSchedule({ idleMs: deps.timing.compactIdleMs, maxUpdates: deps.timing.compactMaxUpdates }, () =>
      this.destroyed ? Promise.resolve() : this.enqueue(() => this.compact()),
    );
    this.activity = new ActivityReporter(this.doc, deps.onActivity);
  }

  static async load(docName: string, deps: BoardDeps): Promise<LiveBoard> {
    const board = new LiveBoard(docName, deps);
    const joined = deps.peers ? await board.joinPeers(deps.peers) : null;
    const stored = await deps.store.loadDoc(docName).catch((err: unknown) => {
      joined?.(false);
      throw err;
    });
    Y.transact(board.doc, () => {
      if (stored.snapshot) Y.applyUpdate(board.doc, stored.snapshot);
      for (const update of stored.updates) {
        try {
          Y.applyUpdate(board.doc, update);
        } catch {
          // Stored as it came (it decoded) but it did not integrate when it arrived either: what Yjs takes of it is what everyone has.
        }
      }
    });
    board.approxBytes = (stored.snapshot?.length ?? 0) + stored.updates.reduce((n, u) => n + u.length, 0);
    board.updatesSinceCompaction = stored.updates.length;
    joined?.(true);
    return board;
  }

  /**
   * Subscribes to other nodes' messages about this doc before the store is read: what arrives
   * meanwhile waits on the board's queue (held by `pending`) and is applied after the stored state.
   * Returns the function that releases the queue (or, if loading failed, leaves).
   */
  private async joinPeers(peers: BoardPeers): Promise<(loaded: boolean) => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    void this.enqueue(() => held);
    await peers.join(this.docName, (kind, bytes) => this.receiveFromPeer(kind, bytes));
    return (loaded) => {
      if (!loaded) {
        this.destroyed = true;
        peers.leave(this.docName);
      }
      release();
    };
  }

  /** An update or presence change another node received from its client (or the stored state after a gap): applied in order, relayed here. */
  private receiveFromPeer(kind: PeerMessageKind, bytes: Uint8Array): void {
    if (this.pending === 0) return this.applyFromPeer(kind, bytes);
    void this.enqueue(async () => this.applyFromPeer(kind, bytes));
  }

  private applyFromPeer(kind: PeerMessageKind, bytes: Uint8Array): void {
    if (this.destroyed) return;
    try {
      if (kind === 'awareness') return awarenessProtocol.applyAwarenessUpdate(this.awareness, bytes, FROM_PEER);
      const produced: Uint8Array[] = (this.produced = []);
      try {
        Y.applyUpdate(this.doc, bytes, FROM_PEER);
      } finally {
        this.produced = null;
      }
      if (produced.length === 0) return; // nothing new here (a resync, or already seen)
      const effective = produced.length === 1 ? produced[0] : Y.mergeUpdates(produced);
      this.approxBytes += effective.length;
      const message = encodeUpdate(effective);
      for (const c of this.conns) c.send(message);
    } catch (err) {
      this.deps.log.error(`board ${this.docName}: peer message failed`, err);
    }
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

  /**
   * Handles one raw frame from `conn`; frames are handled strictly in order. A client's update
   * is checked (write access, size, well-formed), stored, relayed, and only then applied to the
   * server's doc: the keystroke reaches the partner after one durable write, and the heavier work
   * (integrating, enforcing entry limits) happens after the relay. With a synchronous store the
   * write is a group commit at the end of this event-loop turn (no promise per keystroke);
   * otherwise, or while a compaction runs, the frame waits its turn on the board's chain.
   */
  receive(conn: BoardConnection, data: Uint8Array): void {
    let message: IncomingMessage;
    try {
      message = decodeMessage(data);
    } catch {
      conn.close(CLOSE_CODES.badRequest, 'malformed message');
      return;
    }
    const group = this.deps.groupCommit;
    if (this.pending === 0 && group) {
      try {
        const update = this.handle(conn, message);
        if (!update) return;
        this.batched++;
        group.add({
          docName: this.docName,
          update,
          stillWanted: () => !this.destroyed,
          then: () => {
            this.batched--;
            this.afterStored(conn, update);
          },
          lost: () => {
            this.batched--;
            conn.close(CLOSE_CODES.internalError, 'not saved');
          },
        });
      } catch (err) {
        this.failed(conn, err);
      }
      return;
    }
    void this.enqueue(async () => {
      try {
        const update = this.handle(conn, message);
        if (!update) return;
        await this.deps.store.appendUpdate(this.docName, update);
        this.afterStored(conn, update);
      } catch (err) {
        this.failed(conn, err);
      }
    });
  }

  /** A client's update is durable: relay it, apply it, and store and relay the correction if it broke a limit. */
  private afterStored(conn: BoardConnection, update: Uint8Array): void {
    if (this.destroyed) return;
    this.relay(update, conn);
    const correction = this.integrate(conn, update);
    if (!correction) return;
    // Rare (an entry past its limit): written at once, and this board's queue waits for it.
    void this.enqueue(async () => {
      await this.deps.store.appendUpdate(this.docName, correction);
      this.relay(correction, null);
    });
  }

  private failed(conn: BoardConnection, err: unknown): void {
    this.deps.log.error(`board ${this.docName}: message failed`, err);
    conn.close(CLOSE_CODES.internalError, 'server error');
  }

  /** Everything of a frame but a client update's store, relay and apply: returns the update to store, if the frame brought one. */
  private handle(conn: BoardConnection, message: IncomingMessage): Uint8Array | null {
    if (this.destroyed || !this.conns.has(conn)) return null;
    switch (message.kind) {
      case 'syncStep1': {
        let reply: Uint8Array;
        try {
          reply = encodeSyncStep2(this.doc, message.stateVector);
        } catch {
          conn.close(CLOSE_CODES.badRequest, 'malformed state vector');
          return null;
        }
        conn.send(reply);
        return null;
      }
      case 'update':
        return this.acceptClientUpdate(conn, message.update);
      case 'awareness':
        if (!conn.awarenessBudget.take()) return null; // presence is best-effort: a flood is simply not relayed
        try {
          awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, conn);
          this.deps.peers?.publish(this.docName, 'awareness', message.update);
        } catch {
          conn.close(CLOSE_CODES.badRequest, 'malformed awareness update');
        }
        return null;
      case 'queryAwareness':
        conn.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
        return null;
    }
  }

  /**
   * Whether a client's update may be stored and relayed as it is: the sender may write, the board
   * stays under its size limit, and the update decodes (so no phone is ever sent bytes its Yjs
   * cannot read). Refusals close the sender.
   */
  private acceptClientUpdate(conn: BoardConnection, update: Uint8Array): Uint8Array | null {
    // Read-only is the server's decision. A sync that brings nothing new is fine; real changes are
    // refused by closing the connection: silently dropping them would leave every later update of
    // that client waiting on the missing ones, on the server and on the partner's phone.
    if (!conn.canWrite()) {
      if (addsSomething(this.doc, update)) conn.close(CLOSE_CODES.readOnly, 'read-only');
      return null;
    }
    if (this.approxBytes + update.length > this.deps.limits.maxBoardBytes) {
      conn.close(CLOSE_CODES.boardTooLarge, 'board size limit reached');
      return null;
    }
    if (!decodes(update)) {
      conn.close(CLOSE_CODES.badRequest, 'malformed update');
      return null;
    }
    return update;
  }

  /**
   * Applies a stored and relayed client update to the server's doc, then enforces the entry
   * limits. Returns the correction (entries trimmed) to store and relay in turn, if one was needed.
   */
  private integrate(conn: BoardConnection, update: Uint8Array): Uint8Array | null {
    const changed = (this.changed = new Map());
    try {
      Y.applyUpdate(this.doc, update, conn);
    } catch {
      // It decoded but does not integrate: what Yjs took of it is in the doc (and the partner's), the sender goes.
      conn.close(CLOSE_CODES.badRequest, 'malformed update');
    } finally {
      this.changed = null;
    }
    if (changed.size === 0 || !overLimits(this.doc, changed)) return null;
    const produced: Uint8Array[] = (this.produced = []);
    try {
      enforceBoardLimits(this.doc, changed);
    } finally {
      this.produced = null;
    }
    if (produced.length === 0) return null;
    return produced.length === 1 ? produced[0] : Y.mergeUpdates(produced);
  }

  /**
   * After the store has it: to every connection, the sender last (its echo only tells it the
   * update is saved; the partner is waiting to see the keystroke).
   */
  private relay(update: Uint8Array, sender: BoardConnection | null): void {
    this.approxBytes += update.length;
    this.updatesSinceCompaction++;
    const message = encodeUpdate(update);
    this.deps.peers?.publish(this.docName, 'update', update); // stored here: the other nodes only apply and relay it
    for (const c of this.conns) if (c !== sender) c.send(message);
    if (sender && this.conns.has(sender)) sender.send(message);
    this.compaction.updated(this.updatesSinceCompaction);
    this.activity.changed();
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

  /** Runs `task` on the board's chain, after every message received before it. */
  private enqueue(task: () => Promise<void>): Promise<void> {
    this.pending++;
    const run = this.chain.then(async () => {
      if (this.batched > 0) await this.deps.groupCommit?.whenFlushed();
      return task();
    });
    this.chain = run
      .catch((err) => this.deps.log.error(`board ${this.docName}: task failed`, err))
      .finally(() => {
        this.pending--;
      });
    return this.chain;
  }

  /**
   * Folds the update log into one snapshot. It runs on the board's queue, which waits for this
   * board's updates in the group commit: every update stored by then has been applied too (the
   * store, relay and apply of an update happen in one go), so the snapshot taken after reading
   * the newest id covers every row it replaces.
   */
  private async compact(): Promise<void> {
    this.compaction.cancelIdle();
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
    if (save) await backgroundLane.run(() => this.enqueue(() => this.compact()));
    this.compaction.stop();
    this.activity.stop(save);
    this.destroyed = true;
    for (const c of this.conns) c.close(closeCode, 'board closed');
    this.conns.clear();
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
    this.deps.peers?.leave(this.docName);
  }
}
