import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CLOSE_CODES, type CloseCode } from '../../lib/protocol';
import { relayTimer } from '../infra/metrics';
export type { BoardConnection, BoardDeps, BoardPeers, PeerMessageKind } from './boardTypes';
import { ActivityReporter } from './activityReporter';
import { backgroundLane } from './backgroundLane';
import { CompactionSchedule } from './compactionSchedule';
import type { BoardConnection, BoardDeps, BoardPeers, PeerMessageKind } from './boardTypes';
import { DocEdits } from './docEdits';
import { addsSomething, decodes } from './updateChecks';
import { decodeMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, type IncomingMessage } from './messages';

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
  private readonly edits = new DocEdits(this.doc);
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
    board.approxBytes = board.edits.loadStored(stored);
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
      const effective = this.edits.applyPeerUpdate(bytes, FROM_PEER);
      if (!effective) return; // nothing new here (a resync, or already seen)
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
    const relayed = relayTimer(); // metrics: twofold_relay_seconds, observed once the update is relayed
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
            relayed();
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
        relayed();
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
    const { correction, malformed } = this.edits.applyClientUpdate(update, conn);
    // It decoded but did not integrate: what Yjs took of it is in the doc (and the partner's), the sender goes.
    if (malformed) conn.close(CLOSE_CODES.badRequest, 'malformed update');
    return correction;
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
