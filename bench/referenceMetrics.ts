import { monitorEventLoopDelay } from 'node:perf_hooks';
import { LOOP_RESOLUTION_MS, LOOP_WINDOW_MS, loopWindowFigures, mib, NO_LOOP_FIGURES, type Metrics } from '../lib/protocol/metrics';

/**
 * The reference relay's own answer to /api/metrics: its memory and its event
 * loop's delay, in the windows and with the arithmetic Twofold's server uses
 * (lib/protocol/metrics), so the two compare. It has no rooms: the control
 * counts are 0 and `boardConnections` is what the caller counts.
 */
export function startReferenceMetrics(): { read: (boardConnections: number) => Metrics } {
  const histogram = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  histogram.enable();
  let last = NO_LOOP_FIGURES;
  setInterval(() => {
    last = loopWindowFigures(histogram, process.uptime(), last);
    histogram.reset();
  }, LOOP_WINDOW_MS).unref();
  return {
    read: (boardConnections) => {
      const memory = process.memoryUsage();
      return {
        node: null,
        uptimeS: Math.round(process.uptime()),
        heapUsedMiB: mib(memory.heapUsed),
        rssMiB: mib(memory.rss),
        liveBoards: 0,
        boardConnections,
        controlSockets: 0,
        peopleOnline: 0,
        ...last,
        eventLoopWindowS: LOOP_WINDOW_MS / 1000,
      };
    },
  };
}
