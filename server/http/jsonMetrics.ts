import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { LOOP_RESOLUTION_MS, LOOP_WINDOW_MS, loopWindowFigures, mib, NO_LOOP_FIGURES, type LoopFigures, type Metrics } from '../../lib/protocol/metrics';

/**
 * One monitor per process (the event loop is per process), started when this
 * module is first imported. Fixed windows rather than reset-on-read, so two
 * readers (an operator's scraper and a benchmark) never disturb each other.
 */
const loop = (() => {
  const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  histogram.enable();
  let last = NO_LOOP_FIGURES;
  const rotate = setInterval(() => {
    last = loopWindowFigures(histogram, process.uptime(), last);
    histogram.reset();
  }, LOOP_WINDOW_MS);
  rotate.unref();
  return { figures: () => last };
})();

/**
 * Figures for operators, the soak test and the benchmark: counts only, never
 * content. Open to loopback callers; elsewhere only with METRICS_TOKEN. Behind
 * a proxy (TRUST_PROXY set) every request may arrive from loopback — a proxy
 * on the same host — so then the token is required from everyone.
 * `?gc=1` (when node runs with --expose-gc) collects garbage first, so heap
 * figures compare.
 */
export function metricsAllowed(req: IncomingMessage, opts: { token: string | null; behindProxy: boolean }): boolean {
  const { token } = opts;
  const withToken = token !== null && safeEqual(req.headers.authorization ?? '', `Bearer ${token}`);
  if (opts.behindProxy) return withToken;
  const address = req.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1' || withToken;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
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
