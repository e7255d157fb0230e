import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../server/boards/groupCommit';

const u = (n: number) => new Uint8Array([n]);

describe('group commit', () => {
  it('writes the updates of one event-loop turn in one call, then runs their follow-ups in order', async () => {
    const writes: number[][] = [];
    const events: string[] = [];
    const group = new GroupCommit((rows) => writes.push(rows.map((r) => r.update[0])), (err) => expect.fail(String(err)));
    for (const n of [1, 2, 3]) group.add({ docName: 'board.x', update: u(n), stillWanted: () => true, then: () => events.push(`relay ${n}`), lost: () => events.push(`lost ${n}`) });
    expect(writes).toEqual([]); // nothing is relayed before it is stored
    await group.whenFlushed();
    expect(writes).toEqual([[1, 2, 3]]);
    expect(events).toEqual(['relay 1', 'relay 2', 'relay 3']);
    group.add({ docName: 'board.x', update: u(4), stillWanted: () => true, then: () => events.push('relay 4'), lost: () => events.push('lost 4') });
    await group.whenFlushed();
    expect(writes).toEqual([[1, 2, 3], [4]]);
  });

  it('writes nothing for a board closed without saving before the commit', async () => {
    const writes: number[][] = [];
    const group = new GroupCommit((rows) => writes.push(rows.map((r) => r.update[0])), () => {});
    let deleted = false;
    group.add({ docName: 'board.gone', update: u(1), stillWanted: () => !deleted, then: () => expect.fail('relayed'), lost: () => {} });
    group.add({ docName: 'board.kept', update: u(2), stillWanted: () => true, then: () => {}, lost: () => {} });
    deleted = true;
    await group.whenFlushed();
    expect(writes).toEqual([[2]]);
  });

  it('relays nothing of a batch whose write failed, and tells every sender', async () => {
    const errors: unknown[] = [];
    const lost: number[] = [];
    const group = new GroupCommit(() => {
      throw new Error('disk full');
    }, (err) => errors.push(err));
    for (const n of [1, 2]) group.add({ docName: 'board.x', update: u(n), stillWanted: () => true, then: () => expect.fail('relayed'), lost: () => lost.push(n) });
    await group.whenFlushed();
    expect(lost).toEqual([1, 2]);
    expect(errors).toHaveLength(1);
  });
});
