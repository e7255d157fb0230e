/**
 * Background work of the boards (compaction), one task at a time with a turn
 * of the event loop between tasks. When a whole room stops typing at once (the
 * facilitator moves on, a timer ends), every board goes idle together: run
 * straight from their timers, hundreds of compactions would block the loop
 * for as long as they all take. Here, messages keep flowing between them.
 */
export class BackgroundLane {
  private readonly queue: (() => Promise<void>)[] = [];
  private running = false;

  /** Runs `task` when its turn comes; resolves when it has run (it never rejects: tasks handle their own errors). */
  run(task: () => Promise<void>): Promise<void> {
    return new Promise((resolve) => {
      this.queue.push(() => task().then(resolve, resolve));
      this.pump();
    });
  }

  get pending(): number {
    return this.queue.length + (this.running ? 1 : 0);
  }

  private pump(): void {
    if (this.running) return;
    const next = this.queue.shift();
    if (!next) return;
    this.running = true;
    void next().then(() => {
      this.running = false;
      setImmediate(() => this.pump());
    });
  }
}

/** One lane per process: the store and the event loop are shared by every board. */
export const backgroundLane = new BackgroundLane();
