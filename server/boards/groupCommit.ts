import type { UpdateWriter } from './updateWriter';

/** One update waiting for the next commit, and what to do once it is durable. */
interface Waiting {
  docName: string;
  update: Uint8Array;
  done: (id: number | null) => void;
}

/**
 * The update writer for a synchronous store (SQLite). Every update that arrives
 * in one turn of the event loop (all the frames read in one poll phase) is
 * written in one transaction at the end of that turn (setImmediate), and only
 * then are their `done` run, in order, in that same call: stored, relayed and
 * applied in one go, with no promise per keystroke. When the room is quiet a
 * turn holds one update and nothing changes; when it is busy, one WAL write
 * carries many keystrokes instead of one each, which is where a loaded server
 * spends its time (and its stalls) otherwise.
 */
export class GroupCommit implements UpdateWriter {
  private batch: Waiting[] = [];
  /** Set from the first append of a batch until its commit has run (including appends made during it). */
  private flushed: Promise<void> | null = null;
  private resolveFlushed: (() => void) | null = null;

  constructor(
    /** Writes the rows in one transaction, synchronously; returns their ids in order. */
    private readonly writeMany: (rows: { docName: string; update: Uint8Array }[]) => number[],
    private readonly onError: (err: unknown) => void,
  ) {}

  append(docName: string, update: Uint8Array, done: (id: number | null) => void): void {
    this.batch.push({ docName, update, done });
    if (this.flushed) return; // a commit is coming, or running (it takes this update too)
    this.flushed = new Promise((resolve) => (this.resolveFlushed = resolve));
    setImmediate(this.flush);
  }

  discard(docName: string): void {
    const dropped = this.batch.filter((w) => w.docName === docName);
    if (dropped.length === 0) return;
    this.batch = this.batch.filter((w) => w.docName !== docName);
    for (const w of dropped) this.report(w, null);
  }

  /** Every doc's appends wait for the same commit: resolves once it has run (at once if nothing waits). */
  settled(): Promise<void> {
    return this.flushed ?? Promise.resolve();
  }

  private readonly flush = (): void => {
    // A `done` may append again (a board correcting an entry past its limit): that is written in
    // this same call, before the event loop can read a frame whose answer would carry it unsaved.
    while (this.batch.length > 0) this.commit(this.batch.splice(0));
    const resolve = this.resolveFlushed;
    this.flushed = null;
    this.resolveFlushed = null;
    resolve?.();
  };

  private commit(batch: Waiting[]): void {
    let ids: (number | null)[];
    try {
      ids = this.writeMany(batch);
    } catch (err) {
      // Nothing of the batch is durable: nothing of it is relayed. The senders resync when they reconnect.
      this.onError(err);
      ids = batch.map(() => null);
    }
    batch.forEach((w, i) => this.report(w, ids[i] ?? null));
  }

  private report(w: Waiting, id: number | null): void {
    try {
      w.done(id);
    } catch (err) {
      this.onError(err);
    }
  }
}
