import { parentPort } from 'node:worker_threads';
import { runStateTask, type StateTask } from './stateWork';

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
