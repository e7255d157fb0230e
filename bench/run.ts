/**
 * `npm run bench [-- --quick]`: the 250-couple workshop benchmark (issue 6).
 *
 * Builds nothing. Starts the production server (NODE_ENV=production, PAGES=off,
 * a fresh DATA_DIR, PORT=0) and the stock @y/websocket-server relay, drives
 * them with real clients (stock y-websocket provider over `ws`, stock
 * socket.io-client) in child processes through the documented API, and writes
 * bench/results/latest.json (quick: bench/results/quick.json). Scenarios, in
 * order: join storm → fan-out → typing against Twofold and the reference in
 * alternating rounds → capacity ramp (on a fresh server) → page weight and
 * Lighthouse (on the existing .next build). See docs/PERFORMANCE.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ClientPool } from './clients';
import { measurePages, type PagesFigures } from './pages';
import { BENCH_SERVER_ENV, ROOT, rssMibOf, startServer, twofoldScript, type ServerProcess } from './processes';
import { capacity, type CapacityFigures } from './capacity';
import { joinStorm, openWorkshop, typing, type JoinFigures, type TypingFigures } from './scenarios';
import { fanout, type FanoutFigures } from './fanout';
import { moreCouples } from './moreCouples';
import { round } from './stats';
import { goalsOf, printTable } from './report';
import type { CrossNodeFigures } from './crossNode';
import { headOfLine, type HolFigures } from './hol';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    couples: { type: 'string' },
    pairs: { type: 'string' },
    'round-seconds': { type: 'string' },
    clients: { type: 'string' },
    'capacity-max': { type: 'string' },
    'capacity-step': { type: 'string' },
    'large-phones': { type: 'string' },
    'hol-seconds': { type: 'string' },
    only: { type: 'string' },
    'skip-lighthouse': { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    // Node samples every 1,000 µs by default: too coarse for a fan-out of a few ms.
    'cpu-prof-interval': { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: '6' },
    nodes: { type: 'string', default: '1' },
  },
});

const quick = args.quick!;
const num = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
const settings = {
  couples: num(args.couples, quick ? 50 : 250),
  joinWindowMs: quick ? 5_000 : 10_000,
  fanoutCommands: quick ? 5 : 30,
  pairs: num(args.pairs, 3),
  roundMs: num(args['round-seconds'], quick ? 4 : 20) * 1000,
  warmupMs: quick ? 2_000 : 5_000,
  /** Pause after each typing round: Twofold compacts boards 10 s after their last edit (DEFAULT_TIMING.compactIdleMs). */
  settleMs: quick ? 1_000 : 12_000,
  editsPerSecond: 2,
  clients: num(args.clients, 2),
  capacityStep: num(args['capacity-step'], quick ? 150 : 500),
  capacityMax: num(args['capacity-max'], quick ? 300 : 10_000),
  /** The second typing run: this many phones in all (the first run's plus new workshops of 250 couples). */
  typingLargePhones: num(args['large-phones'], quick ? 200 : 2_000),
  capacityLimitMs: 50,
  capacityCouplesPerWorkshop: 250,
  lightEditEveryMs: 10_000,
  holSeconds: num(args['hol-seconds'], quick ? 10 : 30),
  holOpeners: 4,
  /** The hol server unloads a board this soon after its last phone left, so each opening loads it again. */
  holUnloadDelayMs: 50,
  seed: Number(args.seed),
};
const nodes = num(args.nodes, 1);
if (nodes !== 1 && nodes !== 2) throw new Error('--nodes takes 1 or 2');
const only = new Set((args.only ?? 'join,fanout,typing,typing2000,hol,capacity,pages').split(','));
// `--only hol` alone writes a file of its own: a partial run never replaces latest.json's figures.
const defaultOut = only.size === 1 && only.has('hol') ? 'bench/results/hol.json' : quick ? 'bench/results/quick.json' : 'bench/results/latest.json';
const outFile = path.resolve(ROOT, args.out ?? defaultOut);
const profileDir = path.join(ROOT, 'bench/results/profiles');
const profileArgs = (dir: string) => (args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}/${dir}`, ...(args['cpu-prof-interval'] ? [`--cpu-prof-interval=${Number(args['cpu-prof-interval'])}`] : [])] : []);

const started: { stop(): Promise<void> }[] = [];
const tempDirs: string[] = [];

/** How the first Twofold server of the run started: which build, how long until it listened, its RSS then. */
let serverProcess: { build: 'dist' | 'tsx'; startup_ms: number; idle_rss_mib: number | null } | null = null;

async function twofoldServer(label: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'twofold-bench-'));
  tempDirs.push(dataDir);
  const nodeArgs = ['--expose-gc', ...profileArgs('twofold')];
  const { script, build } = twofoldScript();
  const server = await startServer(label, script, { ...BENCH_SERVER_ENV, DATA_DIR: dataDir, ...env }, nodeArgs);
  started.push(server);
  serverProcess ??= { build, startup_ms: server.startupMs, idle_rss_mib: rssMibOf(server.pid) };
  return server;
}

async function cleanUp(): Promise<void> {
  for (const s of started.splice(0).reverse()) await s.stop().catch(() => undefined);
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping every process the benchmark started`);
    void cleanUp().then(() => process.exit(130));
  });
}

async function main(): Promise<void> {
  const began = Date.now();
  const phones = settings.couples * 2;
  console.log(`Twofold benchmark (${quick ? 'quick' : 'full'}): ${phones} phones, ${settings.clients} client processes, ${os.cpus().length} cores, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (args['cpu-prof']) fs.mkdirSync(profileDir, { recursive: true });

  let join: JoinFigures | null = null;
  let fan: FanoutFigures | null = null;
  let typed: TypingFigures | null = null;
  let cap: CapacityFigures | null = null;
  let pages: PagesFigures | null = null;
  let crossNode: CrossNodeFigures | null = null;
  let hol: HolFigures | null = null;

  let typedLarge: TypingFigures | null = null;
  if (only.has('join') || only.has('fanout') || only.has('typing') || only.has('typing2000')) {
    const twofold = await twofoldServer('twofold');
    const reference = await startServer('reference', 'bench/referenceServer.ts', {}, profileArgs('reference'));
    started.push(reference);
    const socketReference = await startServer('reference (socket.io)', 'bench/referenceSocketServer.ts', {}, profileArgs('reference-socket'));
    started.push(socketReference);
    const pool = await ClientPool.start(settings.clients);
    started.push(pool);
    const workshop = await openWorkshop(twofold.url, 'Benchmark evening');
    await pool.all({ cmd: 'setup', twofoldUrl: twofold.url, exerciseKey: workshop.exerciseKey, column: workshop.column });

    console.log(`\n[1/5] join storm: ${phones} phones join, pair and open their boards within ${settings.joinWindowMs / 1000} s`);
    join = await joinStorm(pool, workshop, settings.couples, settings.joinWindowMs, settings.seed);
    console.log(`  last board in sync ${join.all_synced_ms} ms after the start (${join.after_last_arrival_ms} ms after the last arrival); per phone p50 ${join.join_to_sync.p50_ms} ms, p99 ${join.join_to_sync.p99_ms} ms; failed ${join.failed}`);
    if (join.failed > 0) console.log(`  first failure: ${join.first_error}`);

    if (only.has('fanout')) {
      console.log(`\n[2/5] fan-out: ${settings.fanoutCommands} facilitator commands to ${join.phones} phones, each followed by a stock Socket.IO broadcast of the same size`);
      fan = await fanout(pool, workshop, settings.fanoutCommands, join.phones, socketReference.url);
      console.log(`  p50 ${fan.p50_ms} ms, p99 ${fan.p99_ms} ms, max ${fan.max_ms} ms; missing ${fan.missing}; stock Socket.IO p99 ${fan.reference?.p99_ms} ms; ratio p99 ${fan.ratio_p99} (median of pairs ${fan.ratio_p99_median_of_pairs}); state ${fan.state_bytes} bytes`);
    }

    if (only.has('typing')) {
      console.log(`\n[3/5] typing: ${join.phones} phones × ${settings.editsPerSecond} edits/s, ${settings.pairs} rounds each of ${settings.roundMs / 1000} s, Twofold and the stock relay alternating`);
      await pool.all({ cmd: 'openReference', referenceUrl: reference.url.replace('http', 'ws') });
      await pool.all({ cmd: 'prepareTyping', targets: ['twofold', 'reference'] });
      typed = await typing(pool, { twofold, reference }, { pairs: settings.pairs, roundMs: settings.roundMs, warmupMs: settings.warmupMs, editsPerSecond: settings.editsPerSecond, settleMs: settings.settleMs });
      console.log(`  ratio p50 ${typed.ratio_p50}, ratio p99 ${typed.ratio_p99}, cpu ratio ${typed.cpu_ratio} (median of ${settings.pairs} pairs)`);
    }

    if (only.has('typing2000') && settings.typingLargePhones > join.phones) {
      const extra = (settings.typingLargePhones - join.phones) / 2;
      console.log(`\n[3c] typing at ${settings.typingLargePhones} phones: ${extra} more couples join (workshops of 250), then alternating rounds again`);
      const hosts = await moreCouples(pool, twofold.url, settings.couples, extra, 250);
      started.push({ stop: async () => hosts.forEach((h) => h.close()) });
      await pool.all({ cmd: 'openReference', referenceUrl: reference.url.replace('http', 'ws') });
      await pool.all({ cmd: 'prepareTyping', targets: ['twofold', 'reference'] });
      typedLarge = await typing(pool, { twofold, reference }, { pairs: settings.pairs, roundMs: settings.roundMs, warmupMs: settings.warmupMs, editsPerSecond: settings.editsPerSecond, settleMs: settings.settleMs });
      console.log(`  ratio p50 ${typedLarge.ratio_p50}, ratio p99 ${typedLarge.ratio_p99}, cpu ratio ${typedLarge.cpu_ratio} (median of ${settings.pairs} pairs)`);
    }

    workshop.host.close();
    await pool.all({ cmd: 'closeAll' });
    await cleanUp();
  }

  if (nodes === 2) {
    console.log(`\n[3b] typing over two nodes on one Redis: partner A on node 1, partner B on node 1 (same) or node 2 (cross), alternating rounds`);
    const { crossNodeTyping } = await import('./crossNode');
    crossNode = await crossNodeTyping({ couplesPerHalf: quick ? 10 : 50, pairs: settings.pairs, roundMs: settings.roundMs, editsPerSecond: settings.editsPerSecond, settleMs: settings.settleMs });
    console.log(`  added by the cross-node path: p50 ${crossNode.added_p50_ms} ms, p99 ${crossNode.added_p99_ms} ms (pooled); median of pairs p50 ${crossNode.added_p50_ms_median_of_pairs} ms, p99 ${crossNode.added_p99_ms_median_of_pairs} ms`);
  }

  if (only.has('capacity')) {
    console.log(`\n[4/5] capacity: +${settings.capacityStep} phones per step up to ${settings.capacityMax}, until the server's loop-delay p99 passes ${settings.capacityLimitMs} ms`);
    const server = await twofoldServer('twofold (capacity)');
    const pool = await ClientPool.start(settings.clients);
    started.push(pool);
    await pool.all({ cmd: 'setup', twofoldUrl: server.url, exerciseKey: 'bring-need', column: 'bring' });
    cap = await capacity(pool, server, {
      stepPhones: settings.capacityStep,
      maxPhones: settings.capacityMax,
      limitMs: settings.capacityLimitMs,
      couplesPerWorkshop: settings.capacityCouplesPerWorkshop,
      lightEditEveryMs: settings.lightEditEveryMs,
    });
    console.log(`  held ${cap.phones} phones (loop p99 ${cap.loop_p99_ms} ms), ${cap.rss_mib_per_phone} MiB RSS per phone above idle; stopped by ${cap.stopped_by}`);
    await pool.all({ cmd: 'closeAll' });
    await cleanUp();
  }

  if (only.has('hol')) {
    console.log(`\n[hol] head of line: a probe couple types alone for ${settings.holSeconds} s, then while ${settings.holOpeners} phones open a board at its size limit over and over for ${settings.holSeconds} s`);
    const server = await twofoldServer('twofold (hol)', { BOARD_UNLOAD_DELAY_MS: String(settings.holUnloadDelayMs) });
    hol = await headOfLine(server.url, { seconds: settings.holSeconds, openers: settings.holOpeners, gapMs: settings.holUnloadDelayMs * 4 });
    console.log(`  probe p99 ${hol.probe_p99_ms} ms with the openers, ${hol.baseline_p99_ms} ms without; ${hol.opens} openings, sync p99 ${hol.open_to_sync_p99_ms} ms, wrong ${hol.wrong_syncs}`);
    await cleanUp();
  }

  if (only.has('pages')) {
    console.log(`\n[5/5] participant pages: first-load JavaScript${quick || args['skip-lighthouse'] ? '' : ' and Lighthouse'} from the existing build`);
    pages = await measurePages({ lighthouse: !quick && !args['skip-lighthouse'] });
    console.log(`  join ${pages.join?.js_gzip_kb ?? '-'} KB, board ${pages.board?.js_gzip_kb ?? '-'} KB gzip; Lighthouse join ${pages.lighthouse.join ?? '-'}, board ${pages.lighthouse.board ?? '-'}${pages.note ? ` (${pages.note})` : ''}`);
  }

  const results = {
    generated_at: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    duration_s: round((Date.now() - began) / 1000, 1),
    machine: { cores: os.cpus().length, node: process.version, cpu: os.cpus()[0]?.model ?? null, memory_gib: round(os.totalmem() / 2 ** 30, 1), loadavg_1m_at_end: round(os.loadavg()[0], 2) },
    settings,
    phones: join?.phones ?? null,
    typing: typed ? { ...typed.twofold, edits_per_s_per_phone: settings.editsPerSecond } : null,
    reference: typed?.reference ?? null,
    ratio_p50: typed?.ratio_p50 ?? null,
    ratio_p99: typed?.ratio_p99 ?? null,
    cpu_ratio: typed?.cpu_ratio ?? null,
    cpu_ms_per_1000_updates: typed?.cpu_ms_per_1000_updates ?? null,
    typing_2000: typedLarge
      ? {
          phones: settings.typingLargePhones,
          ratio_p50: typedLarge.ratio_p50,
          ratio_p99: typedLarge.ratio_p99,
          cpu_ratio: typedLarge.cpu_ratio,
          twofold: typedLarge.twofold,
          reference: typedLarge.reference,
          pairs: typedLarge.pairs,
          rounds: typedLarge.rounds,
        }
      : null,
    server_process: serverProcess,
    rounds: typed?.rounds ?? null,
    warmup_rounds: typed?.warmup_rounds ?? null,
    pairs: typed?.pairs ?? null,
    fanout: fan,
    join,
    capacity: cap,
    pages,
    lighthouse: pages ? pages.lighthouse_pages : null,
    cross_node: crossNode,
    hol,
  };
  const withGoals = { ...results, goals: goalsOf(results) };
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify(withGoals, null, 2) + '\n');
  console.log('');
  printTable(withGoals);
  console.log(`\nwritten to ${path.relative(ROOT, outFile)} in ${results.duration_s} s`);
}

main()
  .catch(async (err) => {
    if (!interrupted) console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    for (const s of started) if ('errors' in s) console.error(`--- ${(s as ServerProcess).label} stderr ---\n${(s as ServerProcess).errors()}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanUp();
    // Everything the run started is stopped; a client library's leftover timer (a provider's
    // reconnect backoff after its server went away) must not keep the benchmark from ending.
    process.exit();
  });
