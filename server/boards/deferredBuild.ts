import * as Y from 'yjs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CLOSE_CODES } from '../../lib/protocol';
import type { BoardConnection } from './boardTypes';
import type { IncomingMessage } from './messages';
import type { BuiltState } from './stateWork';
import { BUILDING } from './syncReplies';

/** Updates a large board keeps for its clients while its doc is being built; past it the sender is cut. */
const MAX_HELD_UPDATES = 256;

/** The update a phone that has nothing sends as its sync step 2: no structs, no deletions. */
const isEmptyUpdate = (update: Uint8Array) => update.length === 2 && update[0] === 0 && update[1] === 0;

/**
 * A large board's server-side doc, built only when something needs it. A board near its size
 * limit (200,000 structs) takes 130–330 ms to apply at once, and phones that only open it and
 * sync (the projector, a reload, a phone that reconnects with nothing) need none of it: their
 * replies come from the encoded state (syncReplies.ts). The first update that changes something,
 * a read (review, exports), or another node's update builds it, a slice at a time with a turn
 * of the event loop between slices (stateSlices.ts); the board's updates wait for it, in order,
 * and are then handled as if they had just arrived.
 */
export class DeferredBuild {
  private pending: BuiltState | null = null;
  private held: [BoardConnection, Uint8Array][] | null = null;
  private building: Promise<void> | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly deps: {
      slices(state: Uint8Array): Promise<Uint8Array[]>;
      /** Handles a held frame once the doc is built (the board's own `receive`). */
      replay(conn: BoardConnection, data: Uint8Array): void;
      destroyed(): boolean;
      /** Called once the doc is built, before held frames are replayed. */
      built(): void;
    },
  ) {}

  /** The board holds `state` but its doc does not yet. */
  defer(state: BuiltState): void {
    this.pending = state;
  }

  get deferred(): boolean {
    return this.pending !== null;
  }

  /** Structs of the board, built or not. */
  structs(ofDoc: () => number): number {
    return this.pending ? this.pending.structs : ofDoc();
  }

  stateVector(): Uint8Array {
    return this.pending ? this.pending.stateVector : Y.encodeStateVector(this.doc);
  }

  /**
   * Whether `message` from `conn` waits for the doc (then it is held, and the build started): an
   * update that may change something, or anything arriving while updates wait.
   */
  holds(conn: BoardConnection, data: Uint8Array, message: IncomingMessage): boolean {
    if (message.kind !== 'update') return false;
    if (!this.held && (!this.pending || isEmptyUpdate(message.update))) return false;
    this.held ??= [];
    if (this.held.length >= MAX_HELD_UPDATES) {
      conn.close(CLOSE_CODES.rateLimited, 'too many frames before sync');
      return true;
    }
    this.held.push([conn, data]);
    void this.whenBuilt().catch(() => undefined);
    return true;
  }

  /** Resolves once the doc holds the board's state; rejects if the board closed first. */
  whenBuilt(): Promise<void> {
    if (!this.pending) return Promise.resolve();
    this.building ??= this.build();
    return this.building;
  }

  private async build(): Promise<void> {
    const state = this.pending!;
    this.held ??= [];
    const slices = await this.deps.slices(state.state);
    for (const slice of slices) {
      if (this.deps.destroyed()) throw new Error('board closed while it was being built');
      Y.applyUpdate(this.doc, slice, BUILDING);
      await nextTurn();
    }
    if (this.deps.destroyed()) throw new Error('board closed while it was being built');
    this.pending = null;
    this.deps.built();
    const held = this.held ?? [];
    this.held = null;
    for (const [conn, data] of held) this.deps.replay(conn, data);
  }
}
