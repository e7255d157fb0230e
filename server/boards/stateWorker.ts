import fs from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { runStateTask, type StateTask } from './stateWork';

/**
 * This thread yields the CPU to the event loop: on a machine with few cores, a board load here
 * (a second of CPU at the size limit) would otherwise take turns with every workshop's
 * keystrokes. Linux lets a thread lower its own priority (its id from /proc/thread-self);
 * elsewhere it keeps the process's.
 */
const NICENESS = 10;
try {
  os.setPriority(Number(fs.readlinkSync('/proc/thread-self').split('/').pop()), NICENESS);
} catch {
  // Not Linux, or no /proc: the same priority as the event loop.
}

/** The state worker's thread (stateWorkers.ts starts it): runs each task it is sent, in order, and answers with its bytes. */
parentPort?.on('message', ({ id, task }: { id: number; task: StateTask }) => {
  try {
    const result = runStateTask(task);
    const buffers = new Set<ArrayBuffer>();
    for (const bytes of result instanceof Uint8Array ? [result] : Array.isArray(result) ? result : [result.state, result.stateVector]) buffers.add(bytes.buffer as ArrayBuffer);
    parentPort!.postMessage({ id, result }, [...buffers]);
  } catch (err) {
    parentPort!.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
