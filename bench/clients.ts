import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Command, Reply } from './protocol';
import { cpuMsOf, ROOT } from './processes';
import { now } from './stats';

/**
 * The client processes (bench/phones.ts) and a request/reply channel to each.
 * Every process estimates its clock offset to the driver (the sample with
 * the shortest round trip), so arrivals measured there compare with send
 * times taken here; typing latencies need none (both ends are in one process).
 */
export class ClientPool {
  private readonly children: { child: ChildProcess; pending: Map<number, (r: Reply) => void>; offsetMs: number }[] = [];
  private nextId = 1;

  static async start(count: number): Promise<ClientPool> {
    const pool = new ClientPool();
    for (let i = 0; i < count; i++) {
      const child = fork(path.join(ROOT, 'bench/phones.ts'), [], {
        cwd: ROOT,
        execArgv: ['--import', 'tsx', '--max-old-space-size=4096'],
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      const entry = { child, pending: new Map<number, (r: Reply) => void>(), offsetMs: 0 };
      child.on('message', (reply: Reply) => {
        entry.pending.get(reply.id)?.(reply);
        entry.pending.delete(reply.id);
      });
      child.on('exit', (code, signal) => {
        for (const resolve of entry.pending.values()) resolve({ id: 0, ok: false, error: `client process exited (${code ?? signal})` });
        entry.pending.clear();
      });
      pool.children.push(entry);
    }
    await Promise.all(pool.children.map((_, i) => pool.calibrate(i)));
    return pool;
  }

  get size(): number {
    return this.children.length;
  }

  /** CPU time all client processes have used so far, in ms (null where /proc is missing). */
  cpuMs(): number | null {
    let total = 0;
    for (const { child } of this.children) {
      const ms = child.pid === undefined ? null : cpuMsOf(child.pid);
      if (ms === null) return null;
      total += ms;
    }
    return total;
  }

  /** Sends one command to client `i` and resolves with its result. */
  async call<T>(i: number, command: Command): Promise<T> {
    const entry = this.children[i];
    const id = this.nextId++;
    const reply = await new Promise<Reply>((resolve) => {
      entry.pending.set(id, resolve);
      entry.child.send({ ...command, id });
    });
    if (!reply.ok) throw new Error(`client ${i}: ${command.cmd} failed: ${reply.error}`);
    return reply.result as T;
  }

  all<T>(command: Command | ((i: number) => Command)): Promise<T[]> {
    return Promise.all(this.children.map((_, i) => this.call<T>(i, typeof command === 'function' ? command(i) : command)));
  }

  /** Converts a time taken in client `i` to the driver's clock. */
  toDriverClock(i: number, t: number): number {
    return t - this.children[i].offsetMs;
  }

  /** Converts a time on the driver's clock to client `i`'s. */
  toClientClock(i: number, t: number): number {
    return t + this.children[i].offsetMs;
  }

  private async calibrate(i: number): Promise<void> {
    let best = { rtt: Infinity, offset: 0 };
    for (let k = 0; k < 30; k++) {
      const t1 = now();
      const tc = await this.call<number>(i, { cmd: 'clock' });
      const t2 = now();
      if (t2 - t1 < best.rtt) best = { rtt: t2 - t1, offset: tc - (t1 + t2) / 2 };
    }
    this.children[i].offsetMs = best.offset;
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.children.map(async ({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((done) => child.once('exit', () => done()));
        child.disconnect();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}
