import type { IncomingMessage } from 'node:http';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

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

const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
/** The histogram records whole intervals between samples; the delay is what exceeds the sampling interval. */
const lateMs = (ns: number) => Math.max(0, Math.round((ns / 1e6 - LOOP_RESOLUTION_MS) * 100) / 100);

/** Loop delay is sampled every LOOP_RESOLUTION_MS and summarised per window of LOOP_WINDOW_MS. */
const LOOP_RESOLUTION_MS = 10;
export const LOOP_WINDOW_MS = 5_000;

type LoopFigures = Pick<Metrics, 'eventLoopP99Ms' | 'eventLoopP50Ms' | 'eventLoopMaxMs' | 'eventLoopWindowEndS'>;

/**
 * One monitor per process (the event loop is per process), started when this
 * module is first imported. Fixed windows rather than reset-on-read, so two
 * readers (an operator's scraper and a benchmark) never disturb each other.
 */
const loop = (() => {
  const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  histogram.enable();
  let last: LoopFigures = { eventLoopP99Ms: null, eventLoopP50Ms: null, eventLoopMaxMs: null, eventLoopWindowEndS: null };
  const rotate = setInterval(() => {
    last =
      histogram.count > 0
        ? {
            eventLoopP99Ms: lateMs(histogram.percentile(99)),
            eventLoopP50Ms: lateMs(histogram.percentile(50)),
            eventLoopMaxMs: lateMs(histogram.max),
            eventLoopWindowEndS: Math.round(process.uptime() * 100) / 100,
          }
        : last;
    histogram.reset();
  }, LOOP_WINDOW_MS);
  rotate.unref();
  return { figures: () => last };
})();

/**
 * Figures for operators, the soak test and the benchmark: counts only, never
 * content. Open to loopback callers; elsewhere only with METRICS_TOKEN.
 * `?gc=1` (loopback, when node runs with --expose-gc) collects garbage first,
 * so heap figures compare.
 */
export function metricsAllowed(req: IncomingMessage, token: string | null): boolean {
  const address = req.socket.remoteAddress ?? '';
  if (address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1') return true;
  return token !== null && req.headers.authorization === `Bearer ${token}`;
}

type Counts = Omit<Metrics, 'uptimeS' | 'heapUsedMiB' | 'rssMiB' | keyof LoopFigures | 'eventLoopWindowS'>;

export function readMetrics(counts: Counts, collect: boolean): Metrics {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (collect && gc) gc();
  const memory = process.memoryUsage();
  return {
    uptimeS: Math.round(process.uptime()),
    heapUsedMiB: mib(memory.heapUsed),
    rssMiB: mib(memory.rss),
    ...counts,
    ...loop.figures(),
    eventLoopWindowS: LOOP_WINDOW_MS / 1000,
  };
}
