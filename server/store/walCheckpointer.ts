import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Log } from '../infra/log';

/**
 * Moves SQLite's WAL checkpoints off the event loop. A checkpoint copies the
 * WAL back into the database file and fsyncs it; left to SQLite's automatic
 * checkpoint, it runs inside whichever append crosses 1,000 pages, and that
 * keystroke (and every message queued behind it) waits tens of milliseconds.
 * Here a worker thread with its own connection checkpoints in PASSIVE mode,
 * which never blocks the writer, whenever the WAL has grown past a threshold.
 *
 * Durability is unchanged: an append is in the WAL when it returns whoever
 * checkpoints. If the worker fails, the main connection checkpoints itself
 * again (see `onFailure`), so the WAL never grows without bound.
 *
 * The worker is plain CommonJS evaluated from a string: a separate .ts file
 * would need tsx's loader, which does not reach worker threads on Node 20.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
const walFile = workerData.file + '-wal';
let checkpointed = 0;
const tick = () => {
  let size = 0;
  try { size = fs.statSync(walFile).size; } catch { return; }
  // The WAL file keeps its size after a reset; only frames written since the last full
  // checkpoint matter, and SQLite reports them (log) — so ask when the file is big enough.
  if (size < workerData.thresholdBytes) return;
  const [row] = db.pragma('wal_checkpoint(PASSIVE)');
  if (row.checkpointed > 0) checkpointed++;
};
const timer = setInterval(() => {
  try { tick(); } catch (err) { parentPort.postMessage({ error: String(err && err.message || err) }); }
}, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m === 'stats') return parentPort.postMessage({ checkpointed });
  if (m === 'close') { clearInterval(timer); db.close(); parentPort.close(); }
});
`;

export interface WalCheckpointer {
  close(): Promise<void>;
}

/**
 * Starts the checkpointing worker for the database at `file` (already in WAL
 * mode). `onFailure` is called once if the worker stops or reports an error.
 */
export function startWalCheckpointer(
  file: string,
  opts: { thresholdBytes: number; intervalMs: number; log: Pick<Log, 'error'>; onFailure(): void },
): WalCheckpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver: createRequire(import.meta.url).resolve('better-sqlite3'), thresholdBytes: opts.thresholdBytes, intervalMs: opts.intervalMs },
  });
  worker.unref(); // it must never keep the process alive on its own
  let closing = false;
  let failed = false;
  const fail = (why: string) => {
    if (closing || failed) return;
    failed = true;
    opts.log.error(`WAL checkpointer stopped (${why}); the main connection checkpoints again`);
    opts.onFailure();
  };
  worker.on('message', (m: { error?: string }) => {
    if (m.error) fail(m.error);
  });
  worker.on('error', (err) => fail(err.message));
  worker.on('exit', (code) => fail(`exit ${code}`));
  let closed: Promise<void> | null = null;
  return {
    close: () => {
      if (failed) return Promise.resolve();
      closing = true;
      closed ??= new Promise<void>((resolve) => {
        // Held while closing: with nothing else left on the event loop (shutdown, a script), the
        // process would otherwise end before the store is closed.
        worker.ref();
        worker.once('exit', () => resolve());
        worker.postMessage('close');
      });
      return closed;
    },
  };
}
