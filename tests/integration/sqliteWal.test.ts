import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../server/store/sqliteStore';
import type { Store } from '../../server/store/storeTypes';
import { eventually } from '../helpers/wait';

/**
 * The embedded store's WAL is checkpointed by a worker thread, not inside an
 * append (server/store/walCheckpointer.ts). Until a checkpoint runs, every page
 * written lives in the WAL and the database file stays as it was; so the
 * database file growing to hold the data proves a checkpoint ran, and it can
 * only have run on the worker (the main connection's autocheckpoint is off).
 */
describe('SQLite WAL checkpoints', () => {
  let dir = '';
  let store: Store | null = null;
  afterEach(async () => {
    await store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('copies the WAL into the database file off the event loop, and every append stays readable', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twofold-wal-'));
    store = openSqliteStore(dir, { error: (msg) => expect.fail(msg) });
    const file = path.join(dir, 'twofold.sqlite');
    const before = fs.statSync(file).size;
    const update = new Uint8Array(4096).fill(7);
    store.appendUpdatesNow!(Array.from({ length: 1_500 }, (_, i) => ({ docName: `board.doc${i % 10}`, update }))); // ~6 MiB, past the 4 MiB threshold
    await eventually(() => expect(fs.statSync(file).size).toBeGreaterThan(before + 5 * 1024 * 1024), 15_000);
    const loaded = await store.loadDoc('board.doc3');
    expect(loaded.updates).toHaveLength(150);
    expect(loaded.updates.every((u) => u.length === 4096 && u[0] === 7)).toBe(true);
  });

  it('keeps update ids increasing within a doc after compaction deleted the newest rows', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twofold-ids-'));
    store = openSqliteStore(dir);
    await store.appendUpdate('board.x', new Uint8Array([1]));
    await store.appendUpdate('board.y', new Uint8Array([2]));
    await store.appendUpdate('board.y', new Uint8Array([3]));
    const upTo = await store.lastUpdateId('board.y');
    await store.compactDoc('board.y', new Uint8Array([9]), upTo);
    await store.appendUpdate('board.y', new Uint8Array([4]));
    await store.appendUpdate('board.y', new Uint8Array([5]));
    const y = await store.loadDoc('board.y');
    expect(y.snapshot).toEqual(new Uint8Array([9]));
    expect(y.updates).toEqual([new Uint8Array([4]), new Uint8Array([5])]);
    expect((await store.loadDoc('board.x')).updates).toEqual([new Uint8Array([1])]);
  });
});
