/**
 * `node --import tsx bench/profile.ts <file.cpuprofile> [--top 30] [--results bench/results/x.json --target twofold]`:
 * where a CPU profile (from `npm run bench -- --cpu-prof`) spends its time —
 * self time by package and by function, and inclusive time of the heaviest
 * frames. With --results, only samples taken during that run's counted typing
 * rounds of --target count (profiles and rounds share the monotonic clock).
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
  options: { top: { type: 'string', default: '30' }, results: { type: 'string' }, target: { type: 'string', default: 'twofold' } },
});
const file = positionals[0];
if (!file) throw new Error('usage: bench/profile.ts <file.cpuprofile> [--top 30] [--results results.json --target twofold]');
const top = Number(opts.top);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const windows: [number, number][] = opts.results
  ? (JSON.parse(fs.readFileSync(opts.results, 'utf8')) as { rounds: { target: string; mono_us: [number, number] }[] }).rounds
      .filter((r) => r.target === opts.target)
      .map((r) => r.mono_us)
  : [[-Infinity, Infinity]];
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
console.log(`${file}: ${(totalUs / 1e6).toFixed(1)} s sampled over ${(span / 1e6).toFixed(1)} s${opts.results ? ` (${windows.length} ${opts.target} rounds)` : ''}`);
print('self time by package', pkgBy, 15);
print('self time by function', selfBy, top);
print('inclusive time by function', inclusiveBy, top);
