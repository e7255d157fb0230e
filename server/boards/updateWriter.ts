import type { Store } from '../store/storeTypes';
import { GroupCommit } from './groupCommit';

/**
 * The store step of a board's keystroke path: one interface, two implementations.
 * With a synchronous store (SQLite) it is the group commit (groupCommit.ts); with an
 * asynchronous one (PostgreSQL) it is `AsyncUpdateWriter` below.
 */
export interface UpdateWriter {
  /**
   * Appends `update` to the log of `docName`. `done` runs once: with the stored row's id once the
   * update is durable, or with null if it was not stored (the write failed, or the doc was
   * discarded first). For one doc, appends are stored and their `done` run in the order of the
   * calls, so the ids a doc's `done` sees only grow.
   */
  append(docName: string, update: Uint8Array, done: (id: number | null) => void): void;
  /** Stores nothing more of what `docName` still has waiting (a board closed without saving: its couple is being deleted). */
  discard(docName: string): void;
  /** Resolves once every append of `docName` made so far has run its `done`. */
  settled(docName: string): Promise<void>;
}

/** The writer that fits `store`: a group commit if it can write synchronously, otherwise one append at a time per doc. */
export function updateWriterFor(store: Store, onError: (err: unknown) => void): UpdateWriter {
  const appendNow = store.appendUpdatesNow?.bind(store);
  if (appendNow) return new GroupCommit(appendNow, onError);
  return new AsyncUpdateWriter((docName, update) => store.appendUpdate(docName, update), onError);
}

interface DocQueue {
  /** Settles when the doc's last append so far has been written (or failed) and its `done` has run. */
  tail: Promise<void>;
  discarded: boolean;
}

/**
 * For a store whose writes are asynchronous (PostgreSQL, where an append resolves after COMMIT).
 * A doc's appends are written one after the other: with several in flight at once, a later one
 * could commit (and be relayed) first, and its id would not say "everything before it is stored".
 * Different docs write in parallel.
 */
export class AsyncUpdateWriter implements UpdateWriter {
  private readonly queues = new Map<string, DocQueue>();

  constructor(
    private readonly write: (docName: string, update: Uint8Array) => Promise<number>,
    private readonly onError: (err: unknown) => void,
  ) {}

  append(docName: string, update: Uint8Array, done: (id: number | null) => void): void {
    const previous = this.queues.get(docName);
    // After a discard, a new board of the same name (not before the old one has settled) starts a fresh queue.
    const queue: DocQueue = previous && !previous.discarded ? previous : { tail: previous?.tail ?? Promise.resolve(), discarded: false };
    const tail = queue.tail.then(async () => {
      let id: number | null = null;
      if (!queue.discarded) {
        try {
          id = await this.write(docName, update);
        } catch (err) {
          this.onError(err);
        }
      }
      try {
        done(id);
      } catch (err) {
        this.onError(err);
      }
    });
    queue.tail = tail;
    this.queues.set(docName, queue);
    void tail.then(() => {
      if (this.queues.get(docName) === queue && queue.tail === tail) this.queues.delete(docName);
    });
  }

  discard(docName: string): void {
    const queue = this.queues.get(docName);
    if (queue) queue.discarded = true;
  }

  settled(docName: string): Promise<void> {
    return this.queues.get(docName)?.tail ?? Promise.resolve();
  }
}
