import type * as Y from 'yjs';
import { countByExercise } from '../../lib/board/schema';

/** Entry counts reach the console at most this often per board, when they changed. */
const STATS_THROTTLE_MS = 300;
/**
 * While only the wording changes (the counts stay the same), activity is recorded at most this
 * often: it keeps the console's "last activity" fresh (it reads "just now" for 45 s) without a
 * database write and a console update for every board three times a second.
 */
const ACTIVITY_REFRESH_MS = 30_000;

/**
 * Tells the console what a board holds — written entries per agenda item,
 * never their words — throttled, and only when it changed or now and then.
 */
export class ActivityReporter {
  private timer: NodeJS.Timeout | null = null;
  /** What the console last heard from this board, and when. */
  private reported: { counts: Record<string, number>; at: number } | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly onActivity: (counts: Record<string, number>) => void,
  ) {}

  /** The board changed: report within STATS_THROTTLE_MS. */
  changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.report(false);
    }, STATS_THROTTLE_MS);
    this.timer.unref();
  }

  /** Stops the timer; with `flush`, reports what was still waiting. */
  stop(flush: boolean): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
    if (flush) this.report(true);
  }

  private report(force: boolean): void {
    const counts = countByExercise(this.doc);
    const now = Date.now();
    if (!force && this.reported && sameCounts(this.reported.counts, counts) && now - this.reported.at < ACTIVITY_REFRESH_MS) return;
    this.reported = { counts, at: now };
    this.onActivity(counts);
  }
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => a[k] === b[k]);
}
