import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientToServerEvents, type PublicWorkshopState, type ServerToClientEvents } from '../lib/protocol';
import type { Metrics } from '../lib/protocol/metrics';
import { ApiClient } from '../tests/helpers/apiClient';
import type { ClientPool } from './clients';
import type { ServerProcess } from './processes';
import type { JoinResult, Target, TypingResult } from './protocol';
import { median, now, rng, round, sleep, summarize, type Summary } from './stats';

type HostSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Workshop {
  code: string;
  host: HostSocket;
  exerciseKey: string;
  column: string;
}

/** Creates a workshop through the API and connects its facilitator console (the stock socket.io-client). */
export async function openWorkshop(url: string, title: string): Promise<Workshop> {
  const api = new ApiClient(url);
  const created = await api.createWorkshop(title);
  const host: HostSocket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { role: 'host', protocol: PROTOCOL_VERSION, code: created.code, hostKey: created.hostKey },
    forceNew: true,
  });
  const state = await new Promise<PublicWorkshopState>((resolve, reject) => {
    host.once('workshop:state', resolve);
    host.once('connect_error', reject);
  });
  const first = state.agenda.find((item) => item.kind === 'columns') ?? state.agenda[0];
  const column = first.kind === 'columns' ? first.columns[0].id : first.kind === 'prompts' ? first.questions[0].id : 'bench';
  return { code: created.code, host, exerciseKey: first.key, column };
}

export async function metrics(url: string, gc = false): Promise<Metrics> {
  const res = await fetch(`${url}/api/metrics${gc ? '?gc=1' : ''}`);
  return (await res.json()) as Metrics;
}

/** Couple n lives in client process n mod size, so both partners share one clock. */
const clientOf = (pool: ClientPool, n: number) => n % pool.size;
export const couplesOf = (pool: ClientPool, couples: number[], i: number) => couples.filter((n) => clientOf(pool, n) === i);

// ---------------------------------------------------------------------------------------------

/** The monotonic clock in µs: the clock of `node --cpu-prof` profiles (see bench/profile.ts --window). */
export const monoUs = () => Number(process.hrtime.bigint() / 1000n);

export interface JoinFigures {
  /** Start and end of the scenario on the monotonic clock (µs). */
  mono_us: [number, number];
  phones: number;
  window_ms: number;
  all_synced_ms: number | null;
  after_last_arrival_ms: number | null;
  join_to_sync: Summary;
  failed: number;
  first_error: string | null;
}

/**
 * Join storm: every couple arrives at a random moment within `windowMs`; both partners join,
 * pair, fetch /api/me, open the control socket and the board. Measured: from the start of
 * the storm until the last board has synced (and each phone's own arrival-to-sync time).
 */
export async function joinStorm(pool: ClientPool, workshop: Workshop, couples: number, windowMs: number, seed: number): Promise<JoinFigures> {
  const mono0 = monoUs();
  const random = rng(seed);
  const start = now() + 1_000;
  const arriveAt = Array.from({ length: couples }, () => start + random() * windowMs);
  const ids = Array.from({ length: couples }, (_, n) => n);
  const results = await pool.all<JoinResult>((i) => {
    const mine = couplesOf(pool, ids, i);
    return {
      cmd: 'join',
      plan: { code: workshop.code, couples: mine, arriveAt: mine.map((n) => pool.toClientClock(i, arriveAt[n])), concurrency: 0, lightEditEveryMs: 0 },
    };
  });
  let last = -Infinity;
  let lastArrival = -Infinity;
  const perPhone: number[] = [];
  let failed = 0;
  let firstError: string | null = null;
  results.forEach((r, i) => {
    failed += r.failed;
    firstError ??= r.firstError;
    r.synced.forEach((t, k) => {
      if (t === null) return;
      const synced = pool.toDriverClock(i, t);
      const arrived = pool.toDriverClock(i, r.arrivals[k]);
      last = Math.max(last, synced);
      lastArrival = Math.max(lastArrival, arrived);
      perPhone.push(synced - arrived);
    });
  });
  const phones = perPhone.length;
  return {
    mono_us: [mono0, monoUs()],
    phones,
    window_ms: windowMs,
    all_synced_ms: phones ? round(last - start) : null,
    after_last_arrival_ms: phones ? round(last - lastArrival) : null,
    join_to_sync: summarize(perPhone),
    failed,
    first_error: firstError,
  };
}

// ---------------------------------------------------------------------------------------------

export interface RoundFigures extends Summary {
  round: number;
  target: Target;
  warmup: boolean;
  sent: number;
  lost: number;
  disconnects: number;
  /** CPU used by the server process under test during the round, in % of one core, and in ms. */
  server_cpu_pct: number | null;
  server_cpu_ms: number | null;
  /** CPU used by all client processes together during the round, in % of one core. */
  clients_cpu_pct: number | null;
  /** The server's own event-loop delay p99 over the last complete 5 s window of the round (rounds of 10 s or more). */
  server_loop_p99_ms: number | null;
  /** Start and end on the monotonic clock (µs), the clock of `node --cpu-prof` profiles: bench/profile.ts --results cuts a profile to the rounds. */
  mono_us: [number, number];
}

export interface TypingFigures {
  twofold: Summary & { lost: number; sent: number };
  reference: Summary & { lost: number; sent: number };
  ratio_p50: number | null;
  ratio_p99: number | null;
  /**
   * Server CPU per update, Twofold over the relay (median of pairs): each round's CPU time
   * divided by the edits its phones sent, so a round that sent a few more is not penalised.
   */
  cpu_ratio: number | null;
  /** Twofold's server CPU in ms per 1,000 updates (pooled over counted rounds), and the relay's. */
  cpu_ms_per_1000_updates: Record<Target, number | null>;
  pairs: { pair: number; ratio_p50: number | null; ratio_p99: number | null; cpu_ratio: number | null }[];
  rounds: RoundFigures[];
  warmup_rounds: RoundFigures[];
}

/**
 * Typing against Twofold and the stock relay in alternating rounds (T, R, T, R, …), after one
 * uncounted warm-up round each. Both keep all their connections open throughout; only the
 * round's target types. Ratios are taken per pair (T_i / R_i), and their median reported.
 * After each round both servers get `settleMs` to finish what the round left behind (Twofold
 * compacts a board 10 s after its last edit), so it lands in no one's round.
 */
export async function typing(
  pool: ClientPool,
  servers: Record<Target, ServerProcess>,
  opts: { pairs: number; roundMs: number; warmupMs: number; editsPerSecond: number; settleMs: number },
): Promise<TypingFigures> {
  let roundNo = 0;
  const runRound = async (target: Target, durationMs: number, warmup: boolean): Promise<RoundFigures & { samples: Float64Array }> => {
    roundNo++;
    const server = servers[target];
    const cpu0 = server.cpuMs();
    const clientCpu0 = pool.cpuMs();
    const t0 = now();
    const mono0 = monoUs();
    const results = await pool.all<TypingResult>({ cmd: 'type', plan: { target, round: roundNo, durationMs, editsPerSecond: opts.editsPerSecond, drainMs: 10_000 } });
    const cpu1 = server.cpuMs();
    const clientCpu1 = pool.cpuMs();
    const elapsed = now() - t0;
    const all = new Float64Array(results.reduce((n, r) => n + r.latencies.length, 0));
    let offset = 0;
    for (const r of results) {
      all.set(r.latencies, offset);
      offset += r.latencies.length;
    }
    const figures: RoundFigures & { samples: Float64Array } = {
      round: roundNo,
      target,
      warmup,
      ...summarize(all),
      sent: results.reduce((n, r) => n + r.sent, 0),
      lost: results.reduce((n, r) => n + r.lost, 0),
      disconnects: results.reduce((n, r) => n + r.disconnects, 0),
      server_cpu_pct: cpu0 !== null && cpu1 !== null ? round(((cpu1 - cpu0) / elapsed) * 100, 1) : null,
      server_cpu_ms: cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null,
      clients_cpu_pct: clientCpu0 !== null && clientCpu1 !== null ? round(((clientCpu1 - clientCpu0) / elapsed) * 100, 1) : null,
      server_loop_p99_ms: durationMs >= 10_000 ? (await metrics(server.url)).eventLoopP99Ms : null,
      mono_us: [mono0, monoUs()],
      samples: all,
    };

    const mark = warmup ? ' (warm-up)' : '';
    console.log(
      `  round ${roundNo} ${target.padEnd(9)}${mark}: p50 ${figures.p50_ms} ms, p99 ${figures.p99_ms} ms, max ${figures.max_ms} ms, ${figures.sent} edits, lost ${figures.lost}, CPU server ${figures.server_cpu_pct} % clients ${figures.clients_cpu_pct} %, server loop p99 ${figures.server_loop_p99_ms ?? '—'} ms`,
    );
    await sleep(opts.settleMs);
    return figures;
  };

  const warmups = [await runRound('twofold', opts.warmupMs, true), await runRound('reference', opts.warmupMs, true)];
  const counted: (RoundFigures & { samples: Float64Array })[] = [];
  for (let i = 0; i < opts.pairs; i++) {
    counted.push(await runRound('twofold', opts.roundMs, false));
    counted.push(await runRound('reference', opts.roundMs, false));
  }
  const pooled = (target: Target) => {
    const rounds = counted.filter((r) => r.target === target);
    const samples = rounds.flatMap((r) => Array.from(r.samples));
    return { ...summarize(samples), lost: rounds.reduce((n, r) => n + r.lost, 0), sent: rounds.reduce((n, r) => n + r.sent, 0) };
  };
  const pairs = Array.from({ length: opts.pairs }, (_, i) => {
    const [t, r] = [counted[2 * i], counted[2 * i + 1]];
    const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? round(a / b, 3) : null);
    return { pair: i + 1, ratio_p50: ratio(t.p50_ms, r.p50_ms), ratio_p99: ratio(t.p99_ms, r.p99_ms), cpu_ratio: ratio(cpuPerUpdate(t), cpuPerUpdate(r)) };
  });
  const cpuPer1000 = (target: Target) => {
    const rounds = counted.filter((r) => r.target === target && r.server_cpu_ms !== null);
    const sent = rounds.reduce((n, r) => n + r.sent, 0);
    return sent > 0 ? round((rounds.reduce((n, r) => n + r.server_cpu_ms!, 0) / sent) * 1000, 1) : null;
  };
  const med = (key: 'ratio_p50' | 'ratio_p99' | 'cpu_ratio') => round(median(pairs.map((p) => p[key]).filter((v): v is number => v !== null)), 3);
  return {
    twofold: pooled('twofold'),
    reference: pooled('reference'),
    ratio_p50: med('ratio_p50'),
    ratio_p99: med('ratio_p99'),
    cpu_ratio: med('cpu_ratio'),
    cpu_ms_per_1000_updates: { twofold: cpuPer1000('twofold'), reference: cpuPer1000('reference') },
    pairs,
    rounds: counted.map(withoutSamples),
    warmup_rounds: warmups.map(withoutSamples),
  };
}

const cpuPerUpdate = (r: RoundFigures) => (r.server_cpu_ms !== null && r.sent > 0 ? r.server_cpu_ms / r.sent : null);

// eslint-disable-next-line @typescript-eslint/no-unused-vars
const withoutSamples = ({ samples, ...rest }: RoundFigures & { samples: Float64Array }): RoundFigures => rest;
