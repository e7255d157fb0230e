import type { PagesFigures } from './pages';
import type { CapacityFigures } from './capacity';
import type { JoinFigures, RoundFigures } from './scenarios';
import type { FanoutFigures } from './fanout';
import type { Summary } from './stats';
import type { CrossNodeFigures } from './crossNode';
import type { HolFigures } from './hol';

interface Results {
  mode: string;
  machine: { cores: number; node: string; loadavg_1m_at_end: number | null };
  phones: number | null;
  typing: (Summary & { lost: number }) | null;
  reference: (Summary & { lost: number }) | null;
  ratio_p50: number | null;
  ratio_p99: number | null;
  cpu_ratio?: number | null;
  typing_2000?: { phones: number; ratio_p50: number | null; ratio_p99: number | null; cpu_ratio: number | null } | null;
  rounds: RoundFigures[] | null;
  fanout: FanoutFigures | null;
  join: JoinFigures | null;
  capacity: CapacityFigures | null;
  pages: PagesFigures | null;
  cross_node?: CrossNodeFigures | null;
  hol?: HolFigures | null;
}

export interface Goal {
  goal: string;
  value: number | null;
  met: boolean | null;
}

/** The goals of issue 16 (which raised issue 6's), each with the measured value; `met` is null when not measured. */
export function goalsOf(r: Results): Record<string, Goal> {
  const atMost = (goal: string, value: number | null | undefined, limit: number): Goal => ({ goal, value: value ?? null, met: value == null ? null : value <= limit });
  const atLeast = (goal: string, value: number | null | undefined, limit: number): Goal => ({ goal, value: value ?? null, met: value == null ? null : value >= limit });
  // An added latency well below zero means the rounds it is the difference of were slowed by something
  // else (other work on the machine), so it says nothing about the path: not judged.
  const addedAtMost = (goal: string, value: number | null | undefined, limit: number): Goal => ({ ...atMost(goal, value, limit), ...(value != null && value < -limit ? { met: null } : {}) });
  const lh = r.pages?.lighthouse_pages ?? {};
  return {
    typing_ratio_p50: atMost('Twofold p50 / relay p50 ≤ 1.0 at 500 phones (median of alternating pairs)', r.ratio_p50, 1),
    typing_ratio_p99: atMost('Twofold p99 / relay p99 ≤ 1.0 at 500 phones (median of alternating pairs)', r.ratio_p99, 1),
    cpu_ratio: atMost('server CPU per update ≤ 1.1 × the relay’s (median of pairs)', r.cpu_ratio, 1.1),
    typing_2000_ratio_p50: atMost('the same p50 ratio ≤ 1.0 at 2,000 phones', r.typing_2000?.ratio_p50, 1),
    typing_2000_ratio_p99: atMost('the same p99 ratio ≤ 1.0 at 2,000 phones', r.typing_2000?.ratio_p99, 1),
    typing_lost: atMost('edits lost = 0', r.typing?.lost, 0),
    fanout_p99_ms: atMost('fan-out p99 ≤ 100 ms to every phone', r.fanout?.p99_ms, 100),
    fanout_ratio_p99: atMost('fan-out p99 / stock Socket.IO broadcast p99 ≤ 1.0', r.fanout?.ratio_p99, 1),
    cross_node_added_p99_ms: addedAtMost('cross-node path adds ≤ 1 ms at p99 (--nodes 2)', r.cross_node?.added_p99_ms, 1),
    hol_probe_p99_ms: atMost('probe couple p99 < 50 ms while heavy boards are opened', r.hol?.probe_p99_ms, 49.99),
    capacity_phones: atLeast('≥ 10,000 phones with loop-delay p99 < 50 ms', r.capacity?.phones, 10_000),
    rss_mib_per_phone: atMost('≤ 0.05 MiB RSS per phone above idle', r.capacity?.rss_mib_per_phone, 0.05),
    first_load_js_kb: atMost('join and board first-load JS ≤ 150 KB gzip', r.pages?.first_load_js_kb, 150),
    lighthouse_home: atLeast('Lighthouse mobile ≥ 95 on the home page (median of 3)', lh.home?.score, 95),
    lighthouse_join: atLeast('Lighthouse mobile ≥ 90 on /join (median of 3)', lh.join?.score, 90),
    lighthouse_board: atLeast('Lighthouse mobile ≥ 90 on the board (median of 3)', lh.board?.score, 90),
    lighthouse_present: atLeast('Lighthouse mobile ≥ 90 on the projector (median of 3)', lh.present?.score, 90),
  };
}

const cell = (v: unknown) => (v === null || v === undefined ? '—' : String(v));

export function printTable(r: Results & { goals: Record<string, Goal> }): void {
  const rows: [string, string, string][] = [];
  const add = (what: string, value: unknown, note = '') => rows.push([what, cell(value), note]);
  if (r.typing && r.reference) {
    add('typing p50 / p95 / p99 / max', `${r.typing.p50_ms} / ${r.typing.p95_ms} / ${r.typing.p99_ms} / ${r.typing.max_ms} ms`, `${r.phones} phones, lost ${r.typing.lost}`);
    add('reference p50 / p95 / p99 / max', `${r.reference.p50_ms} / ${r.reference.p95_ms} / ${r.reference.p99_ms} / ${r.reference.max_ms} ms`, `stock relay, lost ${r.reference.lost}`);
    add('ratio p50 / p99 / cpu', `${r.ratio_p50} / ${r.ratio_p99} / ${cell(r.cpu_ratio)}`, `median of ${(r.rounds?.length ?? 0) / 2} pairs`);
  }
  if (r.typing_2000) add(`ratio at ${r.typing_2000.phones} phones p50 / p99 / cpu`, `${r.typing_2000.ratio_p50} / ${r.typing_2000.ratio_p99} / ${cell(r.typing_2000.cpu_ratio)}`);
  if (r.cross_node) {
    const x = r.cross_node;
    add('2 nodes: same-node p50 / p99', `${x.same_node.p50_ms} / ${x.same_node.p99_ms} ms`, `${x.couples_per_half} couples, lost ${x.same_node.lost}`);
    add('2 nodes: cross-node p50 / p99', `${x.cross_node.p50_ms} / ${x.cross_node.p99_ms} ms`, `${x.couples_per_half} couples, lost ${x.cross_node.lost}`);
    add('cross-node added p50 / p99', `${x.added_p50_ms} / ${x.added_p99_ms} ms`, `median of pairs ${x.added_p50_ms_median_of_pairs} / ${x.added_p99_ms_median_of_pairs} ms`);
  }
  if (r.fanout) add('fan-out p50 / p99 / max', `${r.fanout.p50_ms} / ${r.fanout.p99_ms} / ${r.fanout.max_ms} ms`, `${r.fanout.phones} phones × ${r.fanout.commands} commands`);
  if (r.fanout?.reference) add('stock Socket.IO p50 / p99; ratio p99', `${r.fanout.reference.p50_ms} / ${r.fanout.reference.p99_ms} ms; ${cell(r.fanout.ratio_p99)}`, `${r.fanout.state_bytes} bytes per phone`);
  if (r.join) add('join storm: last board in sync', `${r.join.all_synced_ms} ms`, `${r.join.phones} phones in ${r.join.window_ms / 1000} s; ${r.join.after_last_arrival_ms} ms after the last arrival`);
  if (r.capacity)
    add('capacity', `${r.capacity.phones} phones`, `loop p99 ${r.capacity.loop_p99_ms} ms; ${r.capacity.rss_mib_per_phone} MiB/phone; stopped by ${r.capacity.stopped_by}`);
  if (r.pages) {
    add('first-load JS (gzip)', r.pages.first_load_js_kb === null ? null : `${r.pages.first_load_js_kb} KB`, `join ${r.pages.join?.js_gzip_kb ?? '—'} KB, board ${r.pages.board?.js_gzip_kb ?? '—'} KB`);
    const lh = r.pages.lighthouse_pages ?? {};
    const page = (name: keyof typeof lh) => `${name} ${cell(lh[name]?.score)}`;
    add('Lighthouse mobile', `${page('home')}, ${page('join')}, ${page('board')}, ${page('present')}`, r.pages.lighthouse.note ?? '');
  }
  if (r.hol) {
    const h = r.hol;
    add('hol: probe p50 / p99', `${h.probe_p50_ms} / ${h.probe_p99_ms} ms`, `${h.openers} phones opened a ${h.heavy_board.structs}-struct board ${h.opens} times (sync p99 ${h.open_to_sync_p99_ms} ms, wrong ${h.wrong_syncs})`);
    add('hol: baseline p50 / p99', `${h.baseline_p50_ms} / ${h.baseline_p99_ms} ms`, 'the same probe with no heavy board');
  }
  const width = [0, 1].map((c) => Math.max(...rows.map((row) => row[c].length)));
  for (const [a, b, c] of rows) console.log(`${a.padEnd(width[0])}  ${b.padEnd(width[1])}  ${c}`);
  console.log('\ngoals:');
  for (const [key, g] of Object.entries(r.goals)) console.log(`  ${g.met === null ? '·' : g.met ? '✓' : '✗'} ${key.padEnd(18)} ${cell(g.value).padEnd(8)} ${g.goal}`);
}
