/**
 * The figures `GET /api/metrics` answers with: counts only, never content. The
 * soak test and the benchmark read them; the benchmark's reference relay
 * answers with the same shape, computed the same way (loopWindowFigures), so
 * the two compare.
 */
export interface Metrics {
  /** This node's name among several (REDIS_URL set), or null on a single node. The counts below are this node's. */
  node: string | null;
  uptimeS: number;
  heapUsedMiB: number;
  rssMiB: number;
  /** Boards loaded in memory (each with its doc and one awareness timer). */
  liveBoards: number;
  boardConnections: number;
  controlSockets: number;
  peopleOnline: number;
  /** TCP connections open now (every kind), and those destroyed at once since start (ceiling or per-address pending budget). Absent where no connection gate runs (bench's reference relay). */
  tcpConnections?: number;
  tcpRefused?: number;
  /**
   * Event-loop delay of this process over the last complete window of
   * LOOP_WINDOW_MS (null until the first window has passed): how late a
   * timer fires beyond its interval, the best single figure for "is the
   * server keeping up". An idle process reads about 0.
   */
  eventLoopP99Ms: number | null;
  eventLoopP50Ms: number | null;
  eventLoopMaxMs: number | null;
  /** Length of the window the event-loop figures cover, and the process uptime when it closed. */
  eventLoopWindowS: number;
  eventLoopWindowEndS: number | null;
}

/** Loop delay is sampled every LOOP_RESOLUTION_MS and summarised per window of LOOP_WINDOW_MS. */
export const LOOP_RESOLUTION_MS = 10;
export const LOOP_WINDOW_MS = 5_000;

export type LoopFigures = Pick<Metrics, 'eventLoopP99Ms' | 'eventLoopP50Ms' | 'eventLoopMaxMs' | 'eventLoopWindowEndS'>;
export const NO_LOOP_FIGURES: LoopFigures = { eventLoopP99Ms: null, eventLoopP50Ms: null, eventLoopMaxMs: null, eventLoopWindowEndS: null };

/** What node:perf_hooks' event-loop delay histogram offers (nanoseconds), without importing it here. */
interface LoopDelayHistogram {
  readonly count: number;
  readonly max: number;
  percentile(p: number): number;
}

/** The histogram records whole intervals between samples; the delay is what exceeds the sampling interval. */
const lateMs = (ns: number) => Math.max(0, Math.round((ns / 1e6 - LOOP_RESOLUTION_MS) * 100) / 100);

/** The figures of one closed window, or `previous` when the window saw no samples. */
export function loopWindowFigures(histogram: LoopDelayHistogram, uptimeS: number, previous: LoopFigures): LoopFigures {
  if (histogram.count === 0) return previous;
  return {
    eventLoopP99Ms: lateMs(histogram.percentile(99)),
    eventLoopP50Ms: lateMs(histogram.percentile(50)),
    eventLoopMaxMs: lateMs(histogram.max),
    eventLoopWindowEndS: Math.round(uptimeS * 100) / 100,
  };
}

export const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
