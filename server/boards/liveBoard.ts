import * as Y from 'yjs';
export type { BoardConnection, BoardDeps, BoardPeers, PeerMessageKind } from './boardTypes';
import { ActivityReporter } from './activityReporter';
import { BoardPresence } from './boardPresence';
import { backgroundLane } from './backgroundLane';
import { CompactionSchedule } from './compactionSchedule';
import type { BoardConnection, BoardDeps, PeerMessageKind } from './boardTypes';
import { DocEdits } from './docEdits';
import { relayTimer } from '../infra/prometheus';
import { clientSeatsOf, inspectUpdate } from '../../lib/board/updateInspector';
import { CLOSE_CODES, parseDocName, type CloseCode, type Seat } from '../../lib/protocol';
import { addsSomething, closeCodeFor, structCount } from './updateChecks';
import { SyncReplies } from './syncReplies';
import { DeferredBuild } from './deferredBuild';
import { runOn } from './stateWorkers';
import { SIZES } from '../tunables';
import type { StoredDoc } from '../store/storeTypes';
import { decodeMessage, encodeSyncStep1, encodeUpdate, type IncomingMessage } from './messages';

/** Origin of changes that came from another node: applied and relayed here, never stored or published again. */
const FROM_PEER = Symbol('peer');

/**
 * A board loaded in memory: its Y.Doc, awareness and connections. A client's
 * update takes one route (see `receive`): checked, handed to the update writer,
 * and — once the writer reports it durable — relayed to every connection (its
 * sender too, last: the echo tells the sender it is saved), then applied to the
 * server's doc. Nothing here waits on a queue: the writer keeps each doc's
 * updates in order, and compaction needs no pause (see `compact`).
 */
export class LiveBoard {
  readonly doc = new Y.Doc();
  private readonly conns = new Set<BoardConnection>();
  readonly presence: BoardPresence;
  private readonly edits = new DocEdits(this.doc);
  private readonly syncReplies: SyncReplies;
  /** A large board's doc, built when first needed (deferredBuild.ts). */
  private readonly deferred: DeferredBuild;
  private approxBytes = 0;
  private updatesSinceCompaction = 0;
  /** Id of the newest stored row that is in `doc` too: every row of this doc up to it is in the doc. */
  private appliedUpToId = 0;
  /** Other nodes' messages heard while the stored state was being read: applied right after it. */
  private peerMessagesBeforeLoad: [PeerMessageKind, Uint8Array][] | null = [];
  private readonly compaction: CompactionSchedule;
  private readonly activity: ActivityReporter;
  private destroyed = false;
  /** Yjs client ids each seat writes under (lib/board/updateInspector.ts). */
  private clientSeats = new Map<number, Seat>();
  /** A private doc holds one partner's entries of one exercise: a smaller limit than the board. */
  private readonly byteLimit: number;

  private constructor(
    readonly docName: string,
    private readonly deps: BoardDeps,
  ) {
    this.presence = new BoardPresence(this.doc, deps.limits, this.conns, (update) => deps.peers?.publish(docName, 'awareness', update));
    this.compaction = new CompactionSchedule({ idleMs: deps.timing.compactIdleMs, maxUpdates: deps.timing.compactMaxUpdates }, () => this.compact());
    this.activity = new ActivityReporter(this.doc, deps.onActivity);
    this.byteLimit = parseDocName(docName)?.kind === 'private' ? deps.limits.maxPrivateDocBytes : deps.limits.maxBoardBytes;
    this.syncReplies = new SyncReplies(this.doc, deps.stateWorkers, SIZES.largeBoardBytes);
    this.deferred = new DeferredBuild(this.doc, {
      slices: (state) => runOn(deps.stateWorkers, { kind: 'slice', state }),
      replay: (conn, data) => this.receive(conn, data),
      destroyed: () => this.destroyed,
      built: () => (this.clientSeats = clientSeatsOf(this.doc)),
    });
  }

  /** With other nodes, subscribes before the store is read, so that no update of theirs falls in between. */
  static async load(docName: string, deps: BoardDeps): Promise<LiveBoard> {
    const board = new LiveBoard(docName, deps);
    if (deps.peers) await deps.peers.join(docName, (kind, bytes) => board.receiveFromPeer(kind, bytes));
    try {
      const stored = await deps.store.loadDoc(docName);
      board.updatesSinceCompaction = stored.updates.length;
      board.appliedUpToId = stored.lastUpdateId;
      // Written before the schema was checked, and repaired now: the repair replaces it, once.
      if (await board.loadStored(stored)) await board.replaceStored();
      // Other nodes' updates are applied to the doc as they come: it is built at once.
      if (deps.peers) await board.deferred.whenBuilt();
    } catch (err) {
      board.destroyed = true;
      deps.peers?.leave(docName);
      throw err;
    }
    const heard = board.peerMessagesBeforeLoad ?? [];
    board.peerMessagesBeforeLoad = null;
    for (const [kind, bytes] of heard) board.applyFromPeer(kind, bytes);
    return board;
  }

  /** The stored state through the schema check: a small board's in its doc now, a large one's (docEdits.ts) when needed. Returns whether it was repaired. */
  private async loadStored(stored: StoredDoc): Promise<boolean> {
    const { bytes, repaired, large } = await this.edits.loadStored(stored, (task) => runOn(this.deps.stateWorkers, task));
    this.approxBytes = bytes;
    if (large) {
      this.syncReplies.rebase(large.state);
      this.deferred.defer(large);
    } else this.clientSeats = clientSeatsOf(this.doc);
    return repaired;
  }

  /** Resolves once the doc holds the board (a read needs it); rejects if the board closed first. */
  whenBuilt(): Promise<void> {
    return this.deferred.whenBuilt();
  }

  get connectionCount(): number {
    return this.conns.size;
  }

  /** Starts the sync handshake: our state vector, then everyone's presence. */
  add(conn: BoardConnection): void {
    this.conns.add(conn);
    conn.send(encodeSyncStep1(this.deferred.stateVector()));
    this.presence.greet(conn);
  }

  remove(conn: BoardConnection): void {
    if (this.conns.delete(conn)) this.presence.left(conn);
  }

  /**
   * Handles one raw frame from `conn`, in arrival order. The keystroke path, top to bottom:
   * decode → check (write access, board size, it decodes) → `store` (the writer) → once durable:
   * `relay` to the partner, echo to the sender → `apply` to the server's doc (entry limits).
   */
  receive(conn: BoardConnection, data: Uint8Array): void {
    let message: IncomingMessage;
    try {
      message = decodeMessage(data);
    } catch {
      conn.close(CLOSE_CODES.badRequest, 'malformed message');
      return;
    }
    if (this.destroyed || !this.conns.has(conn)) return;
    if (this.deferred.holds(conn, data, message)) return;
    switch (message.kind) {
      case 'syncStep1':
        return this.syncReplies.answer(conn, message.stateVector, () => !this.destroyed && this.conns.has(conn), (err) => this.deps.log.error(`board ${this.docName}: sync reply failed`, err));
      case 'update':
        if (!this.accepts(conn, message.update)) return;
        this.store(message.update, conn, relayTimer());
        this.apply(message.update, conn);
        return;
      case 'awareness':
        return this.presence.receive(conn, message.update);
      case 'queryAwareness':
        return this.presence.answer(conn);
    }
  }

  /**
   * Whether a client's update may be stored and relayed as it is: the sender may write, the board
   * stays under its size limit, and the update decodes (so no phone is ever sent bytes its Yjs
   * cannot read). Refusals close the sender.
   */
  private accepts(conn: BoardConnection, update: Uint8Array): boolean {
    // Read-only is the server's decision. A sync that brings nothing new is fine; real changes are
    // refused by closing the connection: silently dropping them would leave every later update of
    // that client waiting on the missing ones, on the server and on the partner's phone.
    if (!conn.canWrite()) {
      if (addsSomething(this.doc, update)) conn.close(CLOSE_CODES.readOnly, 'read-only');
      return false;
    }
    if (this.approxBytes + update.length > this.byteLimit || this.deferred.structs(() => structCount(this.doc)) > this.deps.limits.maxBoardStructs) {
      conn.close(CLOSE_CODES.boardTooLarge, 'board size limit reached');
      return false;
    }
    const verdict = inspectUpdate(this.doc, update, { seat: conn.seat, exercises: conn.exercises, clientSeats: this.clientSeats });
    if (verdict.ok) return true;
    this.deps.log.debug(`board refused an update: ${verdict.refusal.reason}`);
    conn.close(closeCodeFor(verdict.refusal.reason), verdict.refusal.reason);
    return false;
  }

  /**
   * The store step, the same for a client's update and for the server's own correction
   * (`sender` null): nothing is relayed before the writer reports it durable. The doc has it
   * already (the next update is checked against it); a failed write therefore drops the whole
   * board, so that nothing the store lacks is served from memory, and everyone resyncs.
   */
  private store(update: Uint8Array, sender: BoardConnection | null, relayed?: () => void): void {
    this.deps.writer.append(this.docName, update, (id) => {
      if (this.destroyed) return;
      if (id === null) return this.deps.onStoreFailure?.();
      this.relay(update, sender);
      relayed?.();
      this.appliedUpToId = id;
      this.compaction.updated(++this.updatesSinceCompaction);
      this.activity.changed();
    });
  }

  /**
   * To every connection, the sender last (its echo only tells it the update is saved; the
   * partner is waiting to see the keystroke), and to the other nodes, which apply and relay it
   * without storing it again.
   */
  private relay(update: Uint8Array, sender: BoardConnection | null): void {
    this.syncReplies.grew((this.approxBytes += update.length));
    const message = encodeUpdate(update);
    this.deps.peers?.publish(this.docName, 'update', update);
    for (const c of this.conns) if (c !== sender) c.send(message);
    if (sender && this.conns.has(sender)) sender.send(message);
  }

  /**
   * Applies a checked client update to the server's doc as it is handed to the writer, so the
   * next update (the next keystroke, or the partner's) is checked against it. An entry past its
   * limit is corrected in the doc at once; the correction is stored and relayed after it.
   */
  private apply(update: Uint8Array, sender: BoardConnection): void {
    const { correction, malformed } = this.edits.applyClientUpdate(update, sender);
    // It decoded but did not integrate: what Yjs took of it is in the doc (and the partner's), the sender goes.
    if (malformed) sender.close(CLOSE_CODES.badRequest, 'malformed update');
    if (correction) this.store(correction, null);
  }

  /** An update or presence change another node received from its client (or the stored state after a gap). */
  private receiveFromPeer(kind: PeerMessageKind, bytes: Uint8Array): void {
    if (this.peerMessagesBeforeLoad) this.peerMessagesBeforeLoad.push([kind, bytes]);
    else this.applyFromPeer(kind, bytes);
  }

  private applyFromPeer(kind: PeerMessageKind, bytes: Uint8Array): void {
    if (this.destroyed) return;
    try {
      if (kind === 'awareness') return this.presence.fromPeer(bytes);
      const effective = this.edits.applyPeerUpdate(bytes, FROM_PEER);
      if (!effective) return; // nothing new here (a resync, or already seen)
      this.syncReplies.grew((this.approxBytes += effective.length));
      const message = encodeUpdate(effective);
      for (const c of this.conns) c.send(message);
    } catch (err) {
      this.deps.log.error(`board ${this.docName}: peer message failed`, err);
    }
  }

  /**
   * Folds the update log into one snapshot, while updates keep flowing. It replaces exactly the
   * rows up to `appliedUpToId`: the writer reports a doc's rows in order, and each is applied
   * in the same call that reports it, so every row up to that id is in the doc the snapshot is
   * taken from, and every row after it (still on its way) stays in the log. Compactions run one
   * at a time (the background lane), so an older snapshot never overwrites a newer one.
   */
  private async compact(): Promise<void> {
    this.compaction.cancelIdle();
    const folded = this.updatesSinceCompaction;
    if (this.destroyed || folded === 0) return;
    if (this.deps.peers) {
      // Another node's row may not be in this copy yet: the fold is made from the store (boardPeers.ts).
      const size = await this.deps.peers.compact(this.docName);
      if (size !== null) this.approxBytes = size;
      this.updatesSinceCompaction -= folded;
      return;
    }
    const upToId = this.appliedUpToId;
    const bytesBefore = this.approxBytes;
    // Taken after `upToId`: it holds every row up to it, and perhaps more (rows on their way stay in the log too).
    const snapshot = await this.syncReplies.snapshot();
    await this.deps.store.compactDoc(this.docName, snapshot, upToId);
    this.approxBytes = snapshot.length + (this.approxBytes - bytesBefore);
    this.updatesSinceCompaction -= folded;
  }

  /** After a repair at load: the repaired doc replaces what is stored, up to the last row read. */
  private async replaceStored(): Promise<void> {
    const snapshot = await this.syncReplies.snapshot();
    await this.deps.store.compactDoc(this.docName, snapshot, this.appliedUpToId);
    this.deps.log.info(`board ${this.docName}: stored state repaired (it broke the board's schema)`);
    this.approxBytes = snapshot.length;
    this.updatesSinceCompaction = 0;
  }

  /**
   * Compacts (unless the board was deleted: then nothing may be written back, and what it still
   * had waiting in the writer is dropped), waits for its writes, stops timers, closes
   * connections and frees the doc.
   */
  async close(closeCode: CloseCode = CLOSE_CODES.goingAway, save = true): Promise<void> {
    if (save) await backgroundLane.run(() => this.compact());
    this.destroyed = true;
    if (!save) this.deps.writer.discard(this.docName);
    await this.deps.writer.settled(this.docName);
    this.compaction.stop();
    this.activity.stop(save);
    for (const c of this.conns) c.close(closeCode, 'board closed');
    this.conns.clear();
    this.presence.destroy();
    this.syncReplies.destroy();
    this.doc.destroy();
    this.deps.peers?.leave(this.docName);
  }
}
