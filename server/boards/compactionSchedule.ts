import { backgroundLane } from './backgroundLane';

/**
 * When a board folds its update log into a snapshot: after `idleMs` without
 * an update, or at once past `maxUpdates`. Compactions wait their turn in the
 * process-wide background lane, so a room going quiet all at once does not
 * block the event loop with hundreds of them.
 */
export class CompactionSchedule {
  private timer: NodeJS.Timeout | null = null;
  /** When the last update was stored: the idle timer re-arms itself from it instead of being reset per update. */
  private lastUpdateAt = 0;
  private queued = false;
  private stopped = false;

  constructor(
    private readonly opts: { idleMs: number; maxUpdates: number },
    /** Runs the compaction (on the board's own queue); called from the background lane. */
    private readonly compact: () => Promise<void>,
  ) {}

  /** An update was stored; `sinceCompaction` updates are in the log now. */
  updated(sinceCompaction: number): void {
    this.lastUpdateAt = Date.now();
    if (sinceCompaction >= this.opts.maxUpdates) {
      if (!this.queued) this.runInBackground();
      return;
    }
    if (!this.timer) this.arm(this.opts.idleMs);
  }

  /** A compaction is running: no need for the idle one. */
  cancelIdle(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  stop(): void {
    this.stopped = true;
    this.cancelIdle();
  }

  /** One timer per board, not one per update: when it fires early (more updates came), it waits out the rest. */
  private arm(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.stopped) return;
      const idleFor = Date.now() - this.lastUpdateAt;
      if (idleFor < this.opts.idleMs) return this.arm(this.opts.idleMs - idleFor);
      this.runInBackground();
    }, delayMs);
    this.timer.unref();
  }

  /** The board's own queue is not held while the compaction waits for its turn, only while it runs. */
  private runInBackground(): void {
    this.queued = true;
    void backgroundLane.run(() => {
      this.queued = false;
      return this.stopped ? Promise.resolve() : this.compact();
    });
  }
}
