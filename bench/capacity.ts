import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ClientPool } from './clients';
import type { ServerProcess } from './processes';
import type { JoinResult } from './protocol';
import { couplesOf, metrics, openWorkshop, type Workshop } from './scenarios';
import { now, round, sleep } from './stats';

export interface CapacityStep {
  phones: number;
  loop_p50_ms: number | null;
  loop_p99_ms: number | null;
  loop_max_ms: number | null;
  rss_mib: number;
  server_cpu_pct: number | null;
  clients_cpu_pct: number | null;
  /**
   * Loop-delay p99 of the benchmark's own, nearly idle driver process over the same time: the
   * machine's scheduling noise. When it is as high as the server's, the limit was the machine
   * (other work on its 2 cores), not the server.
   */
  machine_noise_p99_ms: number | null;
  join_s: number;
  failed: number;
}

export interface CapacityFigures {
  /** The most phones at which the server's loop-delay p99 stayed under the limit (the ramp stops after two steps over it). */
  phones: number;
  loop_p99_ms: number | null;
  rss_mib_per_phone: number | null;
  idle_rss_mib: number;
  limit_ms: number;
  stopped_by: 'loop_delay' | 'max_phones' | 'join_failures';
  couples_per_workshop: number;
  light_edit_every_ms: number;
  ramp: CapacityStep[];
}

/**
 * Capacity: adds phones (each with its control socket and its board, editing now and then) in
 * steps, in workshops of `couplesPerWorkshop` couples with their facilitator connected. After
 * each step it waits for one whole 5 s window of the server's own loop-delay figure that began
 * after the step's joins had finished, and stops when that p99 passes `limitMs` in two steps in a row.
 */
export async function capacity(
  pool: ClientPool,
  server: ServerProcess,
  opts: { stepPhones: number; maxPhones: number; limitMs: number; couplesPerWorkshop: number; lightEditEveryMs: number },
): Promise<CapacityFigures> {
  const idle = await metrics(server.url, true);
  const workshops: Workshop[] = [];
  const ramp: CapacityStep[] = [];
  let couples = 0;
  let stoppedBy: CapacityFigures['stopped_by'] = 'max_phones';
  while (couples * 2 < opts.maxPhones) {
    const add = Math.min(opts.stepPhones, opts.maxPhones - couples * 2) / 2;
    const joinStart = now();
    // Couples of this step, grouped by workshop (a new workshop, with its facilitator, every couplesPerWorkshop).
    const byWorkshop = new Map<number, number[]>();
    for (let n = couples; n < couples + add; n++) {
      const w = Math.floor(n / opts.couplesPerWorkshop);
      byWorkshop.set(w, [...(byWorkshop.get(w) ?? []), n]);
    }
    let failed = 0;
    for (const [w, ids] of byWorkshop) {
      workshops[w] ??= await openWorkshop(server.url, `Capacity ${w + 1}`);
      const results = await pool.all<JoinResult>((i) => ({
        cmd: 'join',
        plan: { code: workshops[w].code, couples: couplesOf(pool, ids, i), arriveAt: [], concurrency: 20, lightEditEveryMs: opts.lightEditEveryMs },
      }));
      failed += results.reduce((n, r) => n + r.failed, 0);
    }
    couples += add;
    const joinS = (now() - joinStart) / 1000;
    // Wait for a whole loop-delay window that began after the joins.
    const base = (await metrics(server.url)).eventLoopWindowEndS ?? 0;
    const cpu0 = server.cpuMs();
    const clientCpu0 = pool.cpuMs();
    const t0 = now();
    const noise = monitorEventLoopDelay({ resolution: 10 });
    noise.enable();
    let m = await metrics(server.url);
    while ((m.eventLoopWindowEndS ?? 0) < base + 2 * m.eventLoopWindowS - 0.05) {
      await sleep(250);
      m = await metrics(server.url);
    }
    noise.disable();
    const cpu1 = server.cpuMs();
    const clientCpu1 = pool.cpuMs();
    const elapsed = now() - t0;
    const rss = (await metrics(server.url, true)).rssMiB;
    const step: CapacityStep = {
      phones: couples * 2 - failed,
      loop_p50_ms: m.eventLoopP50Ms,
      loop_p99_ms: m.eventLoopP99Ms,
      loop_max_ms: m.eventLoopMaxMs,
      rss_mib: rss,
      server_cpu_pct: cpu0 !== null && cpu1 !== null ? round(((cpu1 - cpu0) / elapsed) * 100, 1) : null,
      clients_cpu_pct: clientCpu0 !== null && clientCpu1 !== null ? round(((clientCpu1 - clientCpu0) / elapsed) * 100, 1) : null,
      machine_noise_p99_ms: round(Math.max(0, noise.percentile(99) / 1e6 - 10)),
      join_s: round(joinS, 1)!,
      failed,
    };
    ramp.push(step);
    console.log(
      `  ${String(step.phones).padStart(5)} phones: loop p99 ${step.loop_p99_ms} ms (max ${step.loop_max_ms}), RSS ${rss} MiB, CPU server ${step.server_cpu_pct} % clients ${step.clients_cpu_pct} %, machine noise p99 ${step.machine_noise_p99_ms} ms, joined in ${step.join_s} s${failed ? `, ${failed} failed` : ''}`,
    );
    if (failed > 0) {
      stoppedBy = 'join_failures';
      break;
    }
    // One noisy window (other work on the machine) does not end the ramp; two in a row do.
    const over = (s: CapacityStep | undefined) => s !== undefined && (s.loop_p99_ms ?? 0) > opts.limitMs;
    if (over(step) && over(ramp.at(-2))) {
      stoppedBy = 'loop_delay';
      break;
    }
  }
  for (const w of workshops) w.host.close();
  // The most phones held before the ramp ended: the last step under the limit that is not followed by the two that stopped it.
  const end = stoppedBy === 'loop_delay' ? ramp.length - 2 : ramp.length;
  const held = ramp.slice(0, end).filter((s) => (s.loop_p99_ms ?? 0) <= opts.limitMs && s.failed === 0).at(-1) ?? null;
  return {
    phones: held?.phones ?? 0,
    loop_p99_ms: held?.loop_p99_ms ?? null,
    rss_mib_per_phone: held ? round((held.rss_mib - idle.rssMiB) / held.phones, 4) : null,
    idle_rss_mib: idle.rssMiB,
    limit_ms: opts.limitMs,
    stopped_by: stoppedBy,
    couples_per_workshop: opts.couplesPerWorkshop,
    light_edit_every_ms: opts.lightEditEveryMs,
    ramp,
  };
}
