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
  private flushed: Promise<void> | null = null;
  private resolveFlushed: (() => void) | null = null;

  constructor(
    /** Writes the rows in one transaction, synchronously; returns their ids in order. */
    private readonly writeMany: (rows: { docName: string; update: Uint8Array }[]) => number[],
    private readonly onError: (err: unknown) => void,
  ) {}

  append(docName: string, update: Uint8Array, done: (id: number | null) => void): void {
    this.batch.push({ docName, update, done });
    if (this.batch.length === 1) {
      this.flushed = new Promise((resolve) => (this.resolveFlushed = resolve));
      setImmediate(this.flush);
    }
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
    const batch = this.batch;
    const resolve = this.resolveFlushed;
    this.batch = [];
    this.flushed = null;
    this.resolveFlushed = null;
    let ids: (number | null)[];
    try {
      ids = batch.length > 0 ? this.writeMany(batch) : [];
    } catch (err) {
      // Nothing of the batch is durable: nothing of it is relayed. The senders resync when they reconnect.
      this.onError(err);
      ids = batch.map(() => null);
    }
    batch.forEach((w, i) => this.report(w, ids[i] ?? null));
    resolve?.();
  };

  private report(w: Waiting, id: number | null): void {
    try {
      w.done(id);
    } catch (err) {
      this.onError(err);
    }
  }
}
