import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * What every Twofold server under the benchmark runs with, beyond the defaults. Every phone of
 * the benchmark connects from 127.0.0.1, which the per-address gates (meant for one hostile
 * address, docs/SECURITY.md) would take for a flood: the whole room's open sockets and its
 * not-yet-authenticated connections (HTTP and upgrades of a join storm) are allowed from one
 * address. Nothing else is loosened: the per-person Socket.IO event budget (10 events/s) is
 * left as it is, because no benchmark phone sends more than a facilitator's one command per
 * second; the process ceiling (MAX_CONNECTIONS, from the file-descriptor limit) stays a real one.
 */
export const BENCH_SERVER_ENV = { PAGES: 'off', LOG_LEVEL: 'info', MAX_CONNECTIONS_PER_IP: '1000000', MAX_PENDING_PER_IP: '1000000' } as const;

export interface ServerProcess {
  label: string;
  url: string;
  pid: number;
  child: ChildProcess;
  /** From the spawn until the process printed "listening on". */
  startupMs: number;
  /** The last few KiB of stderr, for error reports. */
  errors(): string;
  /** CPU time (user + system) the process has used so far, in ms (from /proc). */
  cpuMs(): number | null;
  /** SIGTERM (the server flushes its boards), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * The Twofold server the benchmark runs: the production build (`npm run build` writes
 * dist/server.mjs, what `npm start` runs) when it is there and not older than server/, else
 * server/index.ts through tsx (with a warning: that is not what production runs).
 */
export function twofoldScript(): { script: string; build: 'dist' | 'tsx' } {
  const dist = path.join(ROOT, 'dist/server.mjs');
  if (!fs.existsSync(dist)) {
    console.warn('  dist/server.mjs is missing (run `npm run build`): benchmarking server/index.ts through tsx instead');
    return { script: 'server/index.ts', build: 'tsx' };
  }
  const newest = newestMtime(path.join(ROOT, 'server'));
  if (newest > fs.statSync(dist).mtimeMs) console.warn('  dist/server.mjs is older than server/: run `npm run build:server` for figures of the current code');
  return { script: 'dist/server.mjs', build: 'dist' };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Resident set size of a process in MiB, from /proc/<pid>/status (null elsewhere). */
export function rssMibOf(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round((Number(m[1]) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

/**
 * Starts a server script as a child process (`node [nodeArgs] [--import tsx] <script>`; tsx
 * only for TypeScript) on PORT=0 and resolves once it prints "listening on <url>", as
 * tests/helpers/serverProcess.ts does. `startupMs` is from the spawn to that line.
 */
export function startServer(label: string, script: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const spawnedAt = performance.now();
    const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
    const child = spawn(process.execPath, [...nodeArgs, ...loader, script], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let listening = false;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (listening) return;
      out += chunk.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (!m) return;
      listening = true;
      out = '';
      resolve({
        label,
        url: m[1].replace('localhost', '127.0.0.1'),
        startupMs: Math.round(performance.now() - spawnedAt),
        pid: child.pid!,
        child,
        errors: () => err,
        cpuMs: () => cpuMsOf(child.pid!),
        async stop(graceMs = 15_000) {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          await exited;
          clearTimeout(timer);
        },
      });
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString()).slice(-8_000);
    });
    void exited.then(() => {
      if (!listening) reject(new Error(`${label} exited before listening:\n${out}\n${err}`));
    });
  });
}

/** utime + stime of a process, from /proc/<pid>/stat (Linux; null elsewhere). */
export function cpuMsOf(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of the whole line)
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}
