/**
 * Messages between the benchmark's driver (bench/run.ts) and its client
 * processes (bench/phones.ts). Each client process holds whole couples, so a
 * partner's arrival time and the sender's send time come from one clock.
 */
export type Target = 'twofold' | 'reference';

export interface JoinPlan {
  /** The workshop to join. */
  code: string;
  /** Couple numbers (names and entry ids derive from them). */
  couples: number[];
  /** When each couple arrives, ms on the shared wall clock (performance.timeOrigin + now()). */
  arriveAt: number[];
  /** Couples set up at once, when arrivals are not scheduled (capacity ramp). */
  concurrency: number;
  /** Edit own entry every this many ms after joining (0: idle). */
  lightEditEveryMs: number;
}

export interface JoinResult {
  phones: number;
  failed: number;
  firstError: string | null;
  /** Per phone: scheduled arrival, board synced (wall clock ms); synced is null if it never synced. */
  arrivals: number[];
  synced: (number | null)[];
}

export interface TypingPlan {
  target: Target;
  round: number;
  durationMs: number;
  editsPerSecond: number;
  /** How long to wait for the last edits to arrive before counting them lost. */
  drainMs: number;
}

export interface TypingResult {
  round: number;
  target: Target;
  latencies: Float64Array;
  sent: number;
  lost: number;
  /** Provider disconnects seen during the round (there should be none). */
  disconnects: number;
}

export type Command =
  | { cmd: 'setup'; twofoldUrl: string; exerciseKey: string; column: string }
  | { cmd: 'clock' }
  | { cmd: 'join'; plan: JoinPlan }
  | { cmd: 'openReference'; referenceUrl: string }
  | { cmd: 'prepareTyping'; targets: Target[] }
  | { cmd: 'type'; plan: TypingPlan }
  | { cmd: 'openReferenceControls'; url: string }
  | { cmd: 'fanout'; version: number; timeoutMs: number; target?: Target }
  | { cmd: 'closeAll' };

export type Request = Command & { id: number };
export type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
