import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../server/boards/groupCommit';
import { AsyncUpdateWriter } from '../../server/boards/updateWriter';

const u = (n: number) => new Uint8Array([n]);

/** A store's synchronous multi-row write: records each call, hands out increasing ids. */
function rowsWriter() {
  const writes: number[][] = [];
  let nextId = 1;
  return { writes, writeMany: (rows: { update: Uint8Array }[]) => (writes.push(rows.map((r) => r.update[0])), rows.map(() => nextId++)) };
}

describe('group commit (the SQLite update writer)', () => {
  it('writes the updates of one event-loop turn in one call, then reports their ids in order', async () => {
    const { writes, writeMany } = rowsWriter();
    const events: string[] = [];
    const group = new GroupCommit(writeMany, (err) => expect.fail(String(err)));
    for (const n of [1, 2, 3]) group.append('board.x', u(n), (id) => events.push(`stored ${n} as ${id}`));
    expect(writes).toEqual([]); // nothing is reported (so nothing relayed) before it is stored
    await group.settled();
    expect(writes).toEqual([[1, 2, 3]]);
    expect(events).toEqual(['stored 1 as 1', 'stored 2 as 2', 'stored 3 as 3']);
    group.append('board.x', u(4), (id) => events.push(`stored 4 as ${id}`));
    await group.settled();
    expect(writes).toEqual([[1, 2, 3], [4]]);
    expect(events.at(-1)).toBe('stored 4 as 4');
  });

  it('writes an update appended by a follow-up (a correction) in the same call, before the event loop goes on', async () => {
    const { writes, writeMany } = rowsWriter();
    const group = new GroupCommit(writeMany, (err) => expect.fail(String(err)));
    const reported: string[] = [];
    group.append('board.x', u(1), (id) => {
      reported.push(`1 as ${id}`);
      group.append('board.x', u(2), (id2) => reported.push(`2 as ${id2}`));
    });
    let settledAfter: number[][] = [];
    const settled = group.settled().then(() => (settledAfter = writes.map((w) => [...w])));
    let turnAfter: number[][] = [];
    setImmediate(() => setImmediate(() => (turnAfter = writes.map((w) => [...w]))));
    await settled;
    expect(settledAfter).toEqual([[1], [2]]);
    expect(reported).toEqual(['1 as 1', '2 as 2']);
    await new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
    expect(turnAfter).toEqual([[1], [2]]);
  });

  it('writes nothing of a discarded doc (a board deleted before the commit) and tells its board', async () => {
    const { writes, writeMany } = rowsWriter();
    const group = new GroupCommit(writeMany, () => {});
    const reported: (number | null)[] = [];
    group.append('board.gone', u(1), (id) => reported.push(id));
    group.append('board.kept', u(2), () => {});
    group.discard('board.gone');
    expect(reported).toEqual([null]);
    await group.settled();
    expect(writes).toEqual([[2]]);
    expect(reported).toEqual([null]);
  });

  it('settles a board discarded alone in its batch even when other boards append right after', async () => {
    const { writes, writeMany } = rowsWriter();
    const group = new GroupCommit(writeMany, () => {});
    group.append('board.gone', u(1), () => {});
    group.discard('board.gone');
    const settled = group.settled();
    group.append('board.next', u(2), () => {});
    await settled;
    expect(writes).toEqual([[2]]);
  });

  it('reports nothing of a batch whose write failed as stored, and tells every sender', async () => {
    const errors: unknown[] = [];
    const reported: (number | null)[] = [];
    const group = new GroupCommit(() => {
      throw new Error('disk full');
    }, (err) => errors.push(err));
    for (const n of [1, 2]) group.append('board.x', u(n), (id) => reported.push(id));
    await group.settled();
    expect(reported).toEqual([null, null]);
    expect(errors).toHaveLength(1);
  });
});

describe('async update writer (the PostgreSQL update writer)', () => {
  /** A store whose appends resolve when the test says so, in any order. */
  function manualStore() {
    const inFlight: { doc: string; n: number; resolve: (id: number) => void; reject: (err: Error) => void }[] = [];
    const write = (doc: string, update: Uint8Array) => new Promise<number>((resolve, reject) => inFlight.push({ doc, n: update[0], resolve, reject }));
    return { inFlight, write };
  }
  const turn = () => new Promise((resolve) => setImmediate(resolve));

  it('writes one update of a doc at a time, and reports them in order', async () => {
    const { inFlight, write } = manualStore();
    const reported: string[] = [];
    const writer = new AsyncUpdateWriter(write, (err) => expect.fail(String(err)));
    for (const n of [1, 2]) writer.append('board.x', u(n), (id) => reported.push(`x${n}:${id}`));
    writer.append('board.y', u(3), (id) => reported.push(`y3:${id}`));
    await turn();
    // Different docs write in parallel; the second update of board.x waits for the first.
    expect(inFlight.map((w) => `${w.doc}:${w.n}`)).toEqual(['board.x:1', 'board.y:3']);
    inFlight[1].resolve(11);
    await turn();
    expect(reported).toEqual(['y3:11']);
    inFlight[0].resolve(10);
    await turn();
    expect(reported).toEqual(['y3:11', 'x1:10']);
    expect(inFlight.map((w) => `${w.doc}:${w.n}`)).toEqual(['board.x:1', 'board.y:3', 'board.x:2']);
    const settled = writer.settled('board.x').then(() => reported.push('x settled'));
    inFlight[2].resolve(12);
    await settled;
    expect(reported).toEqual(['y3:11', 'x1:10', 'x2:12', 'x settled']);
  });

  it('reports a failed write as not stored and goes on with the next', async () => {
    const { inFlight, write } = manualStore();
    const errors: unknown[] = [];
    const reported: (number | null)[] = [];
    const writer = new AsyncUpdateWriter(write, (err) => errors.push(err));
    for (const n of [1, 2]) writer.append('board.x', u(n), (id) => reported.push(id));
    await turn();
    inFlight[0].reject(new Error('connection lost'));
    await turn();
    inFlight[1].resolve(7);
    await writer.settled('board.x');
    expect(reported).toEqual([null, 7]);
    expect(errors).toHaveLength(1);
  });

  it('writes nothing more of a discarded doc, but settles only after the write already in flight', async () => {
    const { inFlight, write } = manualStore();
    const reported: (number | null)[] = [];
    const writer = new AsyncUpdateWriter(write, () => {});
    for (const n of [1, 2]) writer.append('board.gone', u(n), (id) => reported.push(id));
    await turn();
    writer.discard('board.gone');
    let settled = false;
    const done = writer.settled('board.gone').then(() => (settled = true));
    await turn();
    expect(settled).toBe(false); // the first INSERT is on its way: a delete must come after it
    inFlight[0].resolve(1);
    await done;
    expect(inFlight).toHaveLength(1);
    expect(reported).toEqual([1, null]);
    // A board of the same name loaded later writes again.
    writer.append('board.gone', u(3), (id) => reported.push(id));
    await turn();
    inFlight[1].resolve(2);
    await writer.settled('board.gone');
    expect(reported).toEqual([1, null, 2]);
  });
});
