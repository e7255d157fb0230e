import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Log } from '../infra/log';
import { runStateTask, type StateResult, type StateTask } from './stateWork';

/**
 * The state worker: one thread that does the heavy Yjs work of large boards (stateWork.ts) so
 * that the event loop, shared by every workshop, never runs it. One task at a time, in order;
 * at most `maxQueued` wait. Whatever goes wrong — the queue is full, the worker crashed, a task
 * ran past `taskTimeoutMs` (the worker is then terminated) — is logged as an error and the task
 * runs on the event loop instead: slower for everyone for that moment, but never a board that
 * hangs. After `maxCrashes` crashes the worker is not started again.
 */
export interface StateWorkerOptions {
  log: Pick<Log, 'error' | 'info'>;
  maxQueued?: number;
  taskTimeoutMs?: number;
  maxCrashes?: number;
}

interface Pending {
  id: number;
  task: StateTask;
  resolve(value: unknown): void;
}

type Reply = { id: number; result: unknown } | { id: number; error: string };

export class StateWorkers {
  private worker: Worker | null = null;
  private readonly queue: Pending[] = [];
  private current: Pending | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextId = 1;
  private crashes = 0;
  private closed = false;
  private readonly maxQueued: number;
  private readonly taskTimeoutMs: number;
  private readonly maxCrashes: number;
  /** Tasks the worker completed, and those that ran on the event loop instead (tests, metrics). */
  readonly counts = { worker: 0, inline: 0 };

  constructor(private readonly opts: StateWorkerOptions) {
    this.maxQueued = opts.maxQueued ?? 64;
    this.taskTimeoutMs = opts.taskTimeoutMs ?? 30_000;
    this.maxCrashes = opts.maxCrashes ?? 3;
  }

  /** Runs `task` in the worker; resolves with its result (from the event loop if the worker cannot). Rejects only if the task itself fails. */
  run<T extends StateTask>(task: T): Promise<StateResult<T>> {
    if (this.closed || this.crashes >= this.maxCrashes) return this.inline(task, null);
    if (this.queue.length >= this.maxQueued) return this.inline(task, 'queue full');
    return new Promise<unknown>((resolve) => {
      this.queue.push({ id: this.nextId++, task, resolve });
      this.pump();
    }) as Promise<StateResult<T>>;
  }

  /** Ends the worker; tasks still waiting run on the event loop. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    this.failAll(null);
    await worker?.terminate();
  }

  private inline<T extends StateTask>(task: T, why: string | null): Promise<StateResult<T>> {
    if (why) this.opts.log.error(`state worker: ${why}; a ${task.kind} task runs on the event loop`);
    this.counts.inline++;
    try {
      return Promise.resolve(runStateTask(task));
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const worker = this.spawned();
    if (!worker) return this.failAll('it could not start');
    const next = this.queue.shift()!;
    this.current = next;
    this.timer = setTimeout(() => this.crashed(`a ${next.task.kind} task ran past ${this.taskTimeoutMs} ms`), this.taskTimeoutMs);
    this.timer.unref();
    worker.postMessage({ id: next.id, task: next.task });
  }

  private spawned(): Worker | null {
    if (this.worker) return this.worker;
    try {
      const worker = startWorker();
      worker.unref(); // it never keeps the process alive on its own
      worker.on('message', (reply: Reply) => this.answered(reply));
      worker.on('error', (err) => this.crashed(err.message));
      worker.on('exit', (code) => this.crashed(`exit ${code}`, worker));
      this.worker = worker;
      return worker;
    } catch (err) {
      this.crashes++;
      this.opts.log.error('state worker could not start', err);
      return null;
    }
  }

  private answered(reply: Reply): void {
    const current = this.current;
    if (!current || current.id !== reply.id) return;
    this.settle();
    if ('error' in reply) {
      // The task itself failed (bytes that do not decode): the event loop would fail the same way.
      current.resolve(Promise.reject(new Error(reply.error)));
    } else {
      this.counts.worker++;
      current.resolve(reply.result);
    }
    this.pump();
  }

  /** The worker died, or hangs: it is ended, what it had runs on the event loop, and the next task starts a new one. */
  private crashed(why: string, which: Worker | null = this.worker): void {
    if (this.closed || !which || which !== this.worker) return;
    this.crashes++;
    this.worker = null;
    void which.terminate();
    this.opts.log.error(`state worker stopped (${why}); ${this.crashes} of ${this.maxCrashes} crashes before it is no longer restarted`);
    this.failAll(why);
  }

  private failAll(why: string | null): void {
    const pending = [...(this.current ? [this.current] : []), ...this.queue.splice(0)];
    this.settle();
    for (const p of pending) void this.inline(p.task, why).then(p.resolve, (err: Error) => p.resolve(Promise.reject(err)));
  }

  private settle(): void {
    this.current = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** Runs `task` in the state worker, or on the event loop where there is none (a board built by a test). */
export function runOn<T extends StateTask>(workers: StateWorkers | undefined, task: T): Promise<StateResult<T>> {
  return workers ? workers.run(task) : Promise.resolve(runStateTask(task));
}

/**
 * The bundled server (scripts/build-server.mjs) has the worker as dist/stateWorker.mjs next to
 * it. From the TypeScript sources (tsx, tests) the worker registers tsx itself: tsx's loader
 * does not reach worker threads on Node 20.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./stateWorker.mjs', import.meta.url));
  const require = createRequire(import.meta.url);
  const source = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(fileURLToPath(new URL('./stateWorker.ts', import.meta.url)))});`;
  return new Worker(source, { eval: true });
}
