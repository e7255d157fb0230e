import { spawn } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as pace } from 'node:timers/promises';
import type * as Y from 'yjs';
import { addEntry } from '../../lib/board/schema';
import type { Metrics } from '../../lib/protocol/metrics';
import type { ApiClient } from './apiClient';
import type { AttackJob } from './attacker';
import { connectBoard } from './yjsClient';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Runs tests/helpers/attacker.ts in a process of its own: `running` once the attack is under way, `done` with its figures.
 * `lowPriority`: the attacker runs at the lowest CPU priority. A remote attacker's CPU is not the
 * server's; here it shares two cores with it, and an unpaced loop would otherwise take one of them
 * whatever the server does.
 */
export function launchAttack<R = Record<string, unknown>>(job: AttackJob, opts: { lowPriority?: boolean } = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/attacker.ts', JSON.stringify(job)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  if (opts.lowPriority && child.pid) os.setPriority(child.pid, 19);
  let out = '';
  let err = '';
  let onRunning: (line: Record<string, unknown>) => void = () => undefined;
  const running = new Promise<Record<string, unknown>>((resolve) => (onRunning = resolve));
  const done = new Promise<R>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      for (const line of out.split('\n').slice(0, -1)) {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        if (parsed.event === 'running') onRunning(parsed);
        if (parsed.event === 'done') resolve(parsed as R);
        if (parsed.event === 'failed') reject(new Error(String(parsed.message)));
      }
      out = out.slice(out.lastIndexOf('\n') + 1);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => code !== 0 && reject(new Error(`attacker exited ${code}: ${err}`)));
  });
  return { running, done, kill: () => child.kill('SIGKILL') };
}

export interface ProbeFigures {
  healthMs: number[];
  typingMs: number[];
  /** This process's event-loop delay (the server runs here) while probing. */
  loopP99Ms: number;
  loopMaxMs: number;
  /** Highest heap seen while probing, above the heap when probing started. */
  heapGrowthMiB: number;
}

export const p99 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(samples.length * 0.99))] ?? Infinity;

/**
 * A probe couple in a workshop of its own: two stock y-websocket providers (disableBc) on its
 * board, and a loop that measures real round trips: `/api/health`, and a keystroke of one
 * partner until the other's replica has it.
 */
export async function openProbe(api: ApiClient) {
  const { a, b } = await api.coupleInWorkshop(['Probe A', 'Probe B']);
  const writer = connectBoard((await api.me(a.token)).board!);
  const reader = connectBoard((await api.me(b.token)).board!);
  await Promise.all([writer.synced(), reader.synced()]);
  const text = addEntry(writer.doc, { id: 'probe', exercise: 'bring-need', column: 'need', author: 'a', createdAt: 1 });
  const readerText = () => (reader.doc.getMap('entries').get('probe') as Y.Map<unknown> | undefined)?.get('text') as Y.Text | undefined;

  /** One keystroke (alternately typed and deleted, so the entry stays short) until the partner's replica shows it. */
  async function keystroke(): Promise<number> {
    const started = performance.now();
    const arrived = new Promise<void>((resolve) => {
      const check = () => {
        if (readerText()?.toString() === text.toString()) {
          reader.doc.off('update', check);
          resolve();
        }
      };
      reader.doc.on('update', check);
    });
    if (text.length > 0) text.delete(0, 1);
    else text.insert(0, 'x');
    await arrived;
    return performance.now() - started;
  }

  // One HTTP connection, opened now and kept: while a flood holds the connection ceiling, a new
  // connection is refused (as it should be), but people already connected must still be served.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (pathname: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      http
        .get(`${api.baseUrl}${pathname}`, { agent }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        })
        .on('error', reject);
    });
  await get('/api/health');

  async function health(): Promise<number> {
    const started = performance.now();
    const res = await get('/api/health');
    if (res.status !== 200) throw new Error(`/api/health answered ${res.status}`);
    return performance.now() - started;
  }

  /**
   * Samples both round trips every `everyMs` until `until` settles (and at least `minSamples`
   * were taken), at most `maxSamples` times.
   */
  async function during(
    until: Promise<unknown>,
    opts: { minSamples?: number; maxSamples?: number; everyMs?: number; onSample?: () => Promise<void> | void } = {},
  ): Promise<ProbeFigures> {
    const { minSamples = 50, maxSamples = 2_000, everyMs = 20, onSample } = opts;
    let over = false;
    void until.finally(() => (over = true)).catch(() => undefined);
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const heapAtStart = process.memoryUsage().heapUsed;
    let heapMax = heapAtStart;
    const figures: ProbeFigures = { healthMs: [], typingMs: [], loopP99Ms: 0, loopMaxMs: 0, heapGrowthMiB: 0 };
    for (let i = 0; i < maxSamples && !(over && i >= minSamples); i++) {
      const [h, t] = await Promise.all([health(), keystroke()]);
      figures.healthMs.push(h);
      figures.typingMs.push(t);
      heapMax = Math.max(heapMax, process.memoryUsage().heapUsed);
      await onSample?.();
      await pace(everyMs); // the sampling cadence, not a wait for something to happen
    }
    loop.disable();
    figures.loopP99Ms = Math.max(0, loop.percentile(99) / 1e6 - 5);
    figures.loopMaxMs = Math.max(0, loop.max / 1e6 - 5);
    figures.heapGrowthMiB = (heapMax - heapAtStart) / 1024 / 1024;
    return figures;
  }

  return {
    during,
    /** GET /api/metrics over the probe's kept connection. */
    metrics: async () => JSON.parse((await get('/api/metrics')).body) as Metrics,
    close: () => {
      agent.destroy();
      writer.destroy();
      reader.destroy();
    },
  };
}

/** One line of figures for the test's output (the report quotes them). */
export function summarise(name: string, f: ProbeFigures): string {
  const r = (n: number) => Math.round(n * 10) / 10;
  return `${name}: ${f.healthMs.length} samples; health p99 ${r(p99(f.healthMs))} ms, typing p99 ${r(p99(f.typingMs))} ms, event loop p99 ${r(f.loopP99Ms)} ms (max ${r(f.loopMaxMs)}), heap +${r(f.heapGrowthMiB)} MiB`;
}
