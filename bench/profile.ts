/**
 * `node --import tsx bench/profile.ts <file.cpuprofile> [--top 30] [--results bench/results/x.json --window twofold]`:
 * where a CPU profile (from `npm run bench -- --cpu-prof`) spends its time —
 * self time by package and by function, and inclusive time of the heaviest
 * frames. With --results, only samples taken during one scenario of that run
 * count (profiles and the results' `mono_us` share the monotonic clock):
 * --window join | fanout | fanout-twofold | fanout-reference (each command, from its emit until every phone had it) | twofold | reference (the counted typing rounds of one target) |
 * twofold-warmup | reference-warmup | twofold-2000 | reference-2000 (the counted rounds at 2,000 phones). --stalls 20 also lists every stretch of at least 20 ms
 * without an idle sample (the event loop was blocked) with what ran most in it.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
  hitCount?: number;
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '30' }, results: { type: 'string' }, window: { type: 'string', default: 'twofold' }, stalls: { type: 'string' } },
});
const file = positionals[0];
if (!file) throw new Error('usage: bench/profile.ts <file.cpuprofile> [--top 30] [--results results.json --window twofold]');
const top = Number(opts.top);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
type Span = [number, number];
interface Results {
  rounds: { target: string; mono_us: Span }[] | null;
  warmup_rounds?: { target: string; mono_us: Span }[] | null;
  typing_2000?: { rounds: { target: string; mono_us: Span }[] | null } | null;
  join: { mono_us: Span } | null;
  fanout: { mono_us: Span; command_windows?: { target: string; mono_us: Span }[] } | null;
}
function windowsOf(results: Results, name: string): Span[] {
  if (name === 'join' || name === 'fanout') return results[name] ? [results[name].mono_us] : [];
  if (name.startsWith('fanout-')) return (results.fanout?.command_windows ?? []).filter((w) => `fanout-${w.target}` === name).map((w) => w.mono_us);
  if (name.endsWith('-2000')) return (results.typing_2000?.rounds ?? []).filter((r) => `${r.target}-2000` === name).map((r) => r.mono_us);
  if (name.endsWith('-warmup')) return (results.warmup_rounds ?? []).filter((r) => `${r.target}-warmup` === name).map((r) => r.mono_us);
  return (results.rounds ?? []).filter((r) => r.target === name).map((r) => r.mono_us);
}
const windows: Span[] = opts.results ? windowsOf(JSON.parse(fs.readFileSync(opts.results, 'utf8')) as Results, opts.window!) : [[-Infinity, Infinity]];
const inWindow = (t: number) => windows.some(([a, b]) => t >= a && t <= b);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Time per sample: the delta to the next sample.
const selfUs = new Map<number, number>();
let t = profile.startTime;
profile.samples.forEach((id, i) => {
  t += profile.timeDeltas[i];
  if (!inWindow(t)) return;
  const dt = profile.timeDeltas[i + 1] ?? 0;
  selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
});
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);

const where = (n: Node) => {
  const url = n.callFrame.url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url.startsWith('node:') ? 'node' : url ? 'twofold' : '(vm)');
  return { url, pkg };
};
const label = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${where(n).url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;

const selfBy = new Map<string, number>();
const pkgBy = new Map<string, number>();
const inclusiveBy = new Map<string, number>();
for (const [id, us] of selfUs) {
  const n = byId.get(id)!;
  selfBy.set(label(n), (selfBy.get(label(n)) ?? 0) + us);
  pkgBy.set(where(n).pkg, (pkgBy.get(where(n).pkg) ?? 0) + us);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (seen.has(l)) continue;
    seen.add(l);
    inclusiveBy.set(l, (inclusiveBy.get(l) ?? 0) + us);
  }
}
const pct = (us: number) => `${((us / totalUs) * 100).toFixed(1).padStart(5)} %`;
const print = (title: string, m: Map<string, number>, n: number) => {
  console.log(`\n${title}`);
  for (const [k, us] of [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`  ${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
};
const span = opts.results ? windows.reduce((n, [a, b]) => n + (b - a), 0) : profile.endTime - profile.startTime;
console.log(`${file}: ${(totalUs / 1e6).toFixed(1)} s sampled over ${(span / 1e6).toFixed(1)} s${opts.results ? ` (${opts.window}: ${windows.length} span${windows.length === 1 ? '' : 's'})` : ''}`);
print('self time by package', pkgBy, 15);
print('self time by function', selfBy, top);
print('inclusive time by function', inclusiveBy, top);

if (opts.stalls) {
  const minUs = Number(opts.stalls) * 1000;
  const stalls: { at: number; us: number; self: Map<string, number> }[] = [];
  let run: { at: number; us: number; self: Map<string, number> } | null = null;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i];
    const n = byId.get(id)!;
    const dt = profile.timeDeltas[i + 1] ?? 0;
    if (!inWindow(at) || n.callFrame.functionName === '(idle)') {
      if (run && run.us >= minUs) stalls.push(run);
      run = null;
      return;
    }
    run ??= { at, us: 0, self: new Map() };
    run.us += dt;
    // Attribute to the deepest frame of our code or a package, whichever is nearest the leaf, for a readable cause.
    let cause = label(n);
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!;
      if (/server\/|lib\/|better-sqlite3|yjs|socket\.io|engine\.io/.test(f.callFrame.url)) {
        cause = label(f);
        break;
      }
    }
    run.self.set(cause, (run.self.get(cause) ?? 0) + dt);
  });
  console.log(`\nstalls of at least ${opts.stalls} ms (no idle sample): ${stalls.length}, ${(stalls.reduce((n, s) => n + s.us, 0) / 1000).toFixed(0)} ms in all`);
  const causes = new Map<string, number>();
  for (const st of stalls) for (const [k, us] of st.self) causes.set(k, (causes.get(k) ?? 0) + us);
  print('time in stalls by nearest own or package frame', causes, top);
  for (const st of [...stalls].sort((a, b) => b.us - a.us).slice(0, 10)) {
    const main = [...st.self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, us]) => `${k} ${(us / 1000).toFixed(0)} ms`);
    console.log(`  ${(st.us / 1000).toFixed(0).padStart(5)} ms at +${((st.at - profile.startTime) / 1e6).toFixed(1)} s: ${main.join('; ')}`);
  }
}
