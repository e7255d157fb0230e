import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry } from '../../lib/board/schema';
import { sliceState } from '../../server/boards/stateSlices';
import { StateWorkers } from '../../server/boards/stateWorkers';

/** A board of `entries` entries typed a character at a time at the front, by two phones, with deletions: many structs, interleaved clients. */
function typedBoard(entries: number, chars: number) {
  const a = new Y.Doc();
  const rows: Uint8Array[] = [];
  a.on('update', (u: Uint8Array) => rows.push(u));
  for (let i = 0; i < entries; i++) {
    const text = addEntry(a, { id: `e${i}`, exercise: 'bring-need', column: 'bring', author: 'a', createdAt: i });
    for (let c = 0; c < chars; c++) text.insert(0, 'x');
  }
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  b.on('update', (u: Uint8Array) => rows.push(u));
  for (let i = 0; i < entries; i += 3) {
    const text = (b.getMap('entries').get(`e${i}`) as Y.Map<unknown>).get('text') as Y.Text;
    text.delete(1, 3);
    text.insert(2, 'hello');
  }
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  return { doc: a, rows };
}

const logs = () => {
  const errors: string[] = [];
  return { errors, log: { error: (message: string) => void errors.push(message), info: () => undefined } };
};

describe('the state worker', () => {
  it('[R113] cuts a state into causally closed slices that, applied one after the other, build the same doc (nothing left pending)', () => {
    const { doc } = typedBoard(60, 300);
    const state = Y.encodeStateAsUpdate(doc);
    const slices = sliceState(state, 2_000);
    expect(slices.length).toBeGreaterThan(5);
    const built = new Y.Doc();
    for (const slice of slices) {
      Y.applyUpdate(built, slice);
      expect(built.store.pendingStructs).toBeNull();
    }
    expect(built.store.pendingDs).toBeNull();
    expect(Buffer.from(Y.encodeStateAsUpdate(built)).equals(Buffer.from(state))).toBe(true);
  });

  it('[R112] reads stored rows through the schema check in its thread, folds and diffs; the results equal the event loop’s', { timeout: 60_000 }, async () => {
    const { doc, rows } = typedBoard(40, 200);
    const { log, errors } = logs();
    const workers = new StateWorkers({ log });
    try {
      const built = await workers.run({ kind: 'build', stored: { snapshot: null, updates: rows, lastUpdateId: rows.length } });
      const state = Y.encodeStateAsUpdate(doc);
      expect(built.repaired).toBe(false);
      expect(Buffer.from(built.state).equals(Buffer.from(state))).toBe(true);
      expect(Buffer.from(built.stateVector).equals(Buffer.from(Y.encodeStateVector(doc)))).toBe(true);
      const folded = await workers.run({ kind: 'fold', base: rows[0], since: rows.slice(1) });
      expect(Buffer.from(folded).equals(Buffer.from(state))).toBe(true);
      const diff = await workers.run({ kind: 'diff', base: rows[0], since: rows.slice(1), stateVector: Y.encodeStateVector(new Y.Doc()) });
      const replica = new Y.Doc();
      Y.applyUpdate(replica, diff);
      expect(Buffer.from(Y.encodeStateAsUpdate(replica)).equals(Buffer.from(state))).toBe(true);
      expect(workers.counts).toEqual({ worker: 3, inline: 0 });
      expect(errors).toEqual([]);
    } finally {
      await workers.close();
    }
  });

  it('[R112] a worker that dies or hangs is logged as an error, its task runs on the event loop (same result), and the next task gets a new worker', { timeout: 60_000 }, async () => {
    const { doc, rows } = typedBoard(20, 100);
    const state = Y.encodeStateAsUpdate(doc);
    const { log, errors } = logs();
    const workers = new StateWorkers({ log, taskTimeoutMs: 30_000 });
    try {
      await workers.run({ kind: 'fold', base: rows[0], since: [] }); // started and warm
      const internals = workers as unknown as { worker: { terminate(): Promise<number> } | null };
      const running = workers.run({ kind: 'fold', base: rows[0], since: rows.slice(1) });
      void internals.worker!.terminate(); // it dies mid-task
      expect(Buffer.from(await running).equals(Buffer.from(state))).toBe(true);
      expect(workers.counts.inline).toBe(1);
      expect(errors.some((e) => e.startsWith('state worker stopped (exit'))).toBe(true);
      expect(Buffer.from(await workers.run({ kind: 'fold', base: rows[0], since: rows.slice(1) })).equals(Buffer.from(state))).toBe(true);
      expect(workers.counts.worker).toBe(2);
    } finally {
      await workers.close();
    }

    const hung = logs();
    const impatient = new StateWorkers({ log: hung.log, taskTimeoutMs: 1, maxCrashes: 1 });
    try {
      // 1 ms is shorter than any task (the worker is still starting): it counts as hung, is ended, and the event loop does the task.
      expect(Buffer.from(await impatient.run({ kind: 'fold', base: rows[0], since: rows.slice(1) })).equals(Buffer.from(state))).toBe(true);
      expect(hung.errors.some((e) => /ran past 1 ms/.test(e))).toBe(true);
      // Past `maxCrashes` (the log said so) no worker is started again: tasks run on the event loop.
      await impatient.run({ kind: 'fold', base: rows[0], since: [] });
      expect(impatient.counts).toEqual({ worker: 0, inline: 2 });
    } finally {
      await impatient.close();
    }
  });
});
