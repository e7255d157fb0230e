import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Twofold's Prometheus instruments (`GET /metrics`, served by server/http/operatorRoutes.ts).
 * Module-level because the figures are the process's, like the event loop's: a call on the
 * keystroke path is one histogram observe or counter increment, no lookup. Counts and
 * durations only, never content; no label carries a name, a doc or a code.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const registers = [registry];

/** Seconds: from a quarter of a millisecond (a group commit on SQLite) to seconds (PostgreSQL in trouble). */
const LATENCY_BUCKETS_S = [0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export const updatesStored = new Counter({
  name: 'twofold_updates_stored_total',
  help: 'Board updates written to the store (client edits and the server’s corrections); rate() gives updates stored per second',
  registers,
});

export const storeWriteSeconds = new Histogram({
  name: 'twofold_store_write_seconds',
  help: 'Duration of one write of board updates to the store: a group commit of one event-loop turn (SQLite) or one append (PostgreSQL)',
  buckets: LATENCY_BUCKETS_S,
  registers,
});

export const storeWriteFailures = new Counter({
  name: 'twofold_store_write_failures_total',
  help: 'Writes of board updates that failed (nothing of them was acknowledged)',
  registers,
});

export const relaySeconds = new Histogram({
  name: 'twofold_relay_seconds',
  help: 'From a client’s update arriving to its relay to the partner and echo to the sender (checked, stored, sent)',
  buckets: LATENCY_BUCKETS_S,
  registers,
});

/** Names of the limits that refuse (label `limit`): fixed strings, documented in docs/DEPLOY.md. */
export type LimitName = 'guesses' | 'guesses-all' | 'connections_per_ip' | 'frames_before_sync' | 'board_frames' | 'board_refusals' | 'board_cool_down' | (string & {});

export const rateLimitRejections = new Counter({
  name: 'twofold_rate_limit_rejections_total',
  help: 'Requests and connections refused by a rate limit, by limit',
  labelNames: ['limit'],
  registers,
});
// Present from the start at 0, so rate() and increase() see the first refusal.
for (const limit of ['guesses', 'guesses-all', 'connections_per_ip', 'frames_before_sync', 'board_frames', 'board_refusals', 'board_cool_down']) rateLimitRejections.inc({ limit }, 0);

export const schemaVersion = new Gauge({
  name: 'twofold_schema_version',
  help: 'Schema version recorded in the store (the number of migrations applied), read at start and by each readiness check',
  registers,
});

export const readyGauge = new Gauge({
  name: 'twofold_ready',
  help: 'Outcome of the last readiness check, by check (store, redis): 1 ok, 0 failing; /metrics runs the check at each scrape',
  labelNames: ['check'],
  registers,
});

/**
 * The hook for the keystroke path: call at a client update's arrival, call what it returns when
 * the update has been relayed. Cheap: one clock read each end.
 */
export function relayTimer(): () => void {
  const started = performance.now();
  return () => relaySeconds.observe((performance.now() - started) / 1000);
}

/** Counts a refusal by the limit `name`. */
export function countRejection(name: LimitName): void {
  rateLimitRejections.inc({ limit: name });
}

/** What a running server holds open right now. */
export interface LiveFigures {
  boardConnections: number;
  controlSockets: number;
  liveBoards: number;
  peopleOnline: number;
}

/** Every server of this process (one in production; tests start several): their figures add up. */
const sources = new Set<() => LiveFigures>();

/** Adds a server's figures to the gauges; the returned function removes them (at close). */
export function addLiveFigures(source: () => LiveFigures): () => void {
  sources.add(source);
  return () => void sources.delete(source);
}

const total = (key: keyof LiveFigures) => [...sources].reduce((sum, source) => sum + source()[key], 0);

const liveGauge = (name: string, help: string, key: keyof LiveFigures) =>
  new Gauge({
    name,
    help,
    registers,
    collect() {
      this.set(total(key));
    },
  });

liveGauge('twofold_board_connections', 'Open board WebSockets (/yjs)', 'boardConnections');
liveGauge('twofold_control_sockets', 'Open Socket.IO connections (phones, consoles, projectors)', 'controlSockets');
liveGauge('twofold_live_boards', 'Boards loaded in memory; falls back to 0 when rooms empty', 'liveBoards');
liveGauge('twofold_people_online', 'People with a control socket on this node', 'peopleOnline');
