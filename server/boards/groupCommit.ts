/** One update waiting for the next commit, and what to do once it is durable. */
interface Pending {
  docName: string;
  update: Uint8Array;
  /** Checked at the commit: a board closed without saving (deleted) in the meantime writes nothing. */
  stillWanted(): boolean;
  /** Runs after the commit, in the order the updates were added (relay, then apply). */
  then(): void;
  /** The commit failed: nothing of the update is stored or relayed (the sender is closed and resyncs). */
  lost(): void;
}

/**
 * Group commit for a synchronous store. Every update that arrives in one turn
 * of the event loop (all the frames read in one poll phase) is written in one
 * transaction at the end of that turn (setImmediate), and only then relayed.
 * When the room is quiet a turn holds one update and nothing changes; when it
 * is busy, one WAL write carries many keystrokes instead of one each, which
 * is where a loaded server spends its time (and its stalls) otherwise.
 */
export class GroupCommit {
  private batch: Pending[] = [];
  private flushed: Promise<void> | null = null;
  private resolveFlushed: (() => void) | null = null;

  constructor(
    private readonly writeMany: (rows: { docName: string; update: Uint8Array }[]) => void,
    private readonly onError: (err: unknown) => void,
  ) {}

  add(pending: Pending): void {
    this.batch.push(pending);
    if (this.batch.length === 1) {
      this.flushed = new Promise((resolve) => (this.resolveFlushed = resolve));
      setImmediate(this.flush);
    }
  }

  /** Resolves once everything added so far is committed and handled (at once if nothing waits). */
  whenFlushed(): Promise<void> {
    return this.flushed ?? Promise.resolve();
  }

  private readonly flush = (): void => {
    const batch = this.batch.filter((p) => p.stillWanted());
    const resolve = this.resolveFlushed;
    this.batch = [];
    this.flushed = null;
    this.resolveFlushed = null;
    try {
      if (batch.length > 0) this.writeMany(batch);
    } catch (err) {
      // Nothing of the batch is durable: nothing of it is relayed. The senders resync when they reconnect.
      this.onError(err);
      for (const p of batch) p.lost();
      resolve?.();
      return;
    }
    for (const p of batch) {
      try {
        p.then();
      } catch (err) {
        this.onError(err);
      }
    }
    resolve?.();
  };
}
