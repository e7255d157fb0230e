import type { CloseCode, Seat } from '../../lib/protocol';
import type { Limits, Timing } from '../tunables';
import type { Log } from '../infra/log';
import type { Store } from '../store/storeTypes';
import type { UpdateWriter } from './updateWriter';
import type { StateWorkers } from './stateWorkers';

/** What a live board is given and talks to: its connections, its dependencies, the other nodes. */

/** One client socket on a board, as the board sees it. */
export interface BoardConnection {
  readonly participantId: string;
  /** Whose words this connection writes: the server checks every update against it (lib/board/updateInspector.ts). */
  readonly seat: Seat;
  /** Agenda item keys its entries may belong to (a private doc: its own item only). */
  readonly exercises: ReadonlySet<string>;
  /** Who this connection is, as its presence (awareness) must name them: server/boards/awarenessGuard.ts. */
  readonly person: { seat: Seat | null; name: string };
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
  /** The store step of the keystroke path: the group commit with SQLite, one append at a time per doc with PostgreSQL (updateWriter.ts). */
  writer: UpdateWriter;
  limits: Limits;
  timing: Timing;
  log: Log;
  /** Called (throttled) with written entries per agenda item when the board changed. */
  onActivity(counts: Record<string, number>): void;
  /** The writer could not store an update: the registry drops the board, so everyone resyncs from the store. */
  onStoreFailure?(): void;
  /** Runs the heavy Yjs work of large boards off the event loop (stateWorkers.ts); without it, the event loop does (tests). */
  stateWorkers?: StateWorkers;
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
