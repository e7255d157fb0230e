import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { messageYjsSyncStep2 } from 'y-protocols/sync';
import { MESSAGE_SYNC } from './messages';
import { CLOSE_CODES } from '../../lib/protocol';
import type { BoardConnection } from './boardTypes';
import type { StateWorkers } from './stateWorkers';
import { runStateTask, type StateTask } from './stateWork';

/** A large board's updates kept before they are folded into its state in the background. */
const MAX_UPDATES_SINCE_BASE = 1_000;

/** Origin of the slices that build a large board's doc from its state: they are that state already. */
export const BUILDING = Symbol('building');

/**
 * Answers to sync step 1 (a phone connecting) and the snapshots compaction stores, from one
 * encoding of the board's state. A small board is encoded from its doc when asked, and that
 * encoding kept until the doc changes. A large board (`rebase`) keeps an encoded state and the
 * doc's updates since, and has the state worker fold them, diff against a phone's state vector
 * (~70 ms at the size limit) or encode: nothing of that size runs on the event loop. A phone
 * that has nothing yet (every fresh phone) gets the kept state as it is.
 */
export class SyncReplies {
  /** The doc's whole state, while it is known. */
  private full: Uint8Array | null = null;
  /** A large board: the state the doc had, and its updates since, in order. */
  private base: Uint8Array | null = null;
  private since: Uint8Array[] = [];
  private folding: Promise<unknown> = Promise.resolve();
  private fullMessage: { of: Uint8Array; message: Uint8Array } | null = null;
  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === BUILDING) return;
    this.full = null;
    if (!this.base) return;
    // Kept short whoever compacts (with other nodes the store does: boardPeers.ts).
    if (this.since.push(update) === MAX_UPDATES_SINCE_BASE) void this.snapshot().catch(() => undefined);
  };

  constructor(
    private readonly doc: Y.Doc,
    private readonly workers: StateWorkers | undefined,
    /** A small board whose snapshot reaches this many bytes becomes a large one. */
    private readonly largeBytes: number,
  ) {
    doc.on('update', this.onUpdate);
  }

  /** From now on the board is large: replies and snapshots start from `state`, what the doc has (or is being built to). */
  rebase(state: Uint8Array): void {
    this.base = this.full = state;
    this.since = [];
  }

  /** The board holds about `bytes` now: past the threshold a small board becomes a large one, its state encoded once, while that is still cheap. */
  grew(bytes: number): void {
    if (!this.base && bytes >= this.largeBytes) this.rebase(this.full ?? Y.encodeStateAsUpdate(this.doc));
  }

  /**
   * Sends `conn` its sync step 2; a large board's comes a moment later, from the worker (updates
   * relayed meanwhile wait in the phone's Yjs for it), and only while `stillOpen()`.
   */
  answer(conn: BoardConnection, stateVector: Uint8Array, stillOpen: () => boolean, failed: (err: unknown) => void): void {
    let reply: Uint8Array | Promise<Uint8Array>;
    try {
      reply = this.stepTwo(stateVector);
    } catch {
      return conn.close(CLOSE_CODES.badRequest, 'malformed state vector');
    }
    if (reply instanceof Uint8Array) return conn.send(reply);
    reply.then(
      (bytes) => stillOpen() && conn.send(bytes),
      (err) => {
        failed(err);
        conn.close(CLOSE_CODES.internalError, 'sync failed');
      },
    );
  }

  /** The sync step 2 message for a phone with this state vector. Throws at once if it is malformed. */
  stepTwo(stateVector: Uint8Array): Uint8Array | Promise<Uint8Array> {
    const known = Y.decodeStateVector(stateVector);
    if (!this.base) {
      this.full ??= Y.encodeStateAsUpdate(this.doc);
      return messageOf(known.size === 0 ? this.full : Y.diffUpdate(this.full, stateVector));
    }
    if (known.size === 0 && this.full) {
      // Every fresh phone gets this same message: it is made once per state.
      if (this.fullMessage?.of !== this.full) this.fullMessage = { of: this.full, message: messageOf(this.full) };
      return this.fullMessage.message;
    }
    return this.work({ kind: 'diff', base: this.base, since: [...this.since], stateVector }).then(messageOf);
  }

  /** The doc's whole state, for compaction (a large board's from the worker, which then starts from it). */
  snapshot(): Promise<Uint8Array> {
    if (this.full) return Promise.resolve(this.full);
    if (!this.base) {
      const state = Y.encodeStateAsUpdate(this.doc);
      if (state.length >= this.largeBytes) this.rebase(state);
      return Promise.resolve((this.full = state));
    }
    // One fold at a time: each starts from the base the one before left.
    const next = this.folding.then(() => this.fold());
    this.folding = next.catch(() => undefined);
    return next;
  }

  private async fold(): Promise<Uint8Array> {
    if (this.full || !this.base) return this.full ?? Y.encodeStateAsUpdate(this.doc);
    const folded = this.since.length;
    const state = await this.work({ kind: 'fold', base: this.base, since: this.since.slice(0, folded) });
    if (!this.base) return state; // destroyed meanwhile
    this.base = state;
    this.since = this.since.slice(folded);
    if (this.since.length === 0) this.full = state;
    return state;
  }

  private work<T extends StateTask>(task: T) {
    return this.workers ? this.workers.run(task) : Promise.resolve(runStateTask(task));
  }

  destroy(): void {
    this.base = this.full = null;
    this.fullMessage = null;
    this.since = [];
    this.doc.off('update', this.onUpdate);
  }
}

function messageOf(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
