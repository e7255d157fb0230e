import pg from 'pg';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { openPgStore } from '../../server/store/pgStore';
import type { Store } from '../../server/store/storeTypes';
import { coupleRow, editor, participantRow, quietLog, storedLines, workshopRow } from '../helpers/storeFixtures';
import { createTestDatabase } from '../helpers/testDatabase';

/**
 * What only a shared store meets: several nodes writing the same board doc, each with its own
 * in-memory copy, and what a deletion leaves in PostgreSQL's files. The Store contract itself
 * is in storeContract.test.ts.
 */
let url: string;
let nodeA: Store;
let nodeB: Store;
let admin: pg.Client;

beforeAll(async () => {
  url = await createTestDatabase();
  nodeA = await openPgStore(url, quietLog);
  nodeB = await openPgStore(url, quietLog);
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
});
afterAll(async () => {
  await admin?.end();
  await nodeA?.close();
  await nodeB?.close();
});

describe('PostgreSQL store shared by several nodes', () => {
  it('a compaction whose snapshot lacks another node’s updates loses none of them', async () => {
    const docName = `board.${coupleRow('X').id}`;
    const a = editor(1);
    const b = editor(2);
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      // No relay between the two docs: each node's snapshot misses every update of the other.
      work.push(nodeA.appendUpdate(docName, a.type(`a${i}`)));
      work.push(nodeB.appendUpdate(docName, b.type(`b${i}`)));
      if (i % 8 === 3) {
        for (const [node, e] of [[nodeA, a], [nodeB, b]] as const) {
          work.push((async () => node.compactDoc(docName, Y.encodeStateAsUpdate(e.doc), await node.lastUpdateId(docName)))());
        }
      }
    }
    await Promise.all(work);
    const lines = await storedLines(nodeA, docName);
    expect(lines.filter((l) => l.startsWith('a'))).toEqual(a.doc.getArray('lines').toArray());
    expect(lines.filter((l) => l.startsWith('b'))).toEqual(b.doc.getArray('lines').toArray());
  });

  it('an update with a lower id that commits after the compaction read a higher id is not lost', async () => {
    const docName = `board.${coupleRow('X').id}`;
    const a = editor(1);
    await nodeA.appendUpdate(docName, a.type('first'));
    // Another node's append: id allocated now, committed later.
    const slow = editor(2);
    await admin.query('BEGIN');
    await admin.query('INSERT INTO doc_updates (doc_name, data) VALUES ($1, $2)', [docName, slow.type('late but lower')]);
    await nodeA.appendUpdate(docName, a.type('second'));
    const upToId = await nodeA.lastUpdateId(docName);
    const compacted = nodeA.compactDoc(docName, Y.encodeStateAsUpdate(a.doc), upToId);
    await compacted; // the DELETE does not wait for (or see) the uncommitted row
    await admin.query('COMMIT');
    await nodeA.compactDoc(docName, Y.encodeStateAsUpdate(a.doc), await nodeA.lastUpdateId(docName)); // and folds it in next time
    expect((await nodeA.loadDoc(docName)).updates).toEqual([]);
    expect((await storedLines(nodeB, docName)).sort()).toEqual(['first', 'late but lower', 'second']);
  });

  it('loads a doc consistently while another node compacts it', async () => {
    const docName = `board.${coupleRow('X').id}`;
    const a = editor(1);
    const expected: string[] = [];
    for (let round = 0; round < 15; round++) {
      for (let i = 0; i < 5; i++) {
        expected.push(`r${round}.${i}`);
        await nodeA.appendUpdate(docName, a.type(`r${round}.${i}`));
      }
      const [lines] = await Promise.all([
        storedLines(nodeB, docName),
        nodeA.compactDoc(docName, Y.encodeStateAsUpdate(a.doc), await nodeA.lastUpdateId(docName)),
      ]);
      expect(lines).toEqual(expected);
    }
  });

  it('[R35] after a deletion, no dead tuple holding its words is left in the tables (VACUUM ran)', async () => {
    await admin.query('CREATE EXTENSION IF NOT EXISTS pageinspect');
    const canary = `canary-${Math.random().toString(36).slice(2)}`;
    const w = workshopRow();
    await nodeA.createWorkshop(w);
    const p = participantRow(w.code, { name: canary.slice(0, 20) });
    await nodeA.createParticipant(p);
    const c = coupleRow(w.code);
    await nodeA.createCouple(c, p.id);
    const e = editor();
    await nodeA.appendUpdate(`board.${c.id}`, e.type(canary));
    await nodeA.compactDoc(`board.${c.id}`, Y.encodeStateAsUpdate(e.doc), await nodeA.lastUpdateId(`board.${c.id}`));
    await nodeA.appendUpdate(`board.${c.id}`, e.type(canary));
    const holding = async () => {
      let n = 0;
      for (const table of ['doc_updates', 'doc_snapshots', 'participants']) {
        const { rows } = await admin.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM generate_series(0, pg_relation_size($1::regclass) / 8192 - 1) AS page,
             LATERAL heap_page_items(get_raw_page($1::text, page::int)) AS t
           WHERE t.t_data IS NOT NULL AND position(convert_to($2, 'UTF8') IN t.t_data) > 0`,
          [table, canary.slice(0, 20)],
        );
        n += rows[0].n;
      }
      return n;
    };
    expect(await holding()).toBeGreaterThanOrEqual(3); // the check can see the words while they are stored
    await nodeA.deleteWorkshop(w.code);
    expect(await holding()).toBe(0);
  });

  it('[R35] seats and deletions from two nodes at once leave no half-deleted couple', async () => {
    const w = workshopRow();
    await nodeA.createWorkshop(w);
    const people = [participantRow(w.code), participantRow(w.code), participantRow(w.code)];
    for (const p of people) await nodeA.createParticipant(p);
    const c = coupleRow(w.code);
    await nodeA.createCouple(c, people[0].id);
    await nodeA.appendUpdate(`board.${c.id}`, editor().type('ours'));
    const [joined] = await Promise.all([nodeB.joinCoupleByPairCode(w.code, c.pairCode, people[1].id), nodeA.deleteCouple(c.id)]);
    // Either the join came first (seat b, then the deletion freed it) or the couple was already gone: nothing else.
    expect(joined.ok ? `joined as ${joined.seat}` : joined.reason).toMatch(/^(joined as b|not_found)$/);
    expect(await nodeA.getCouple(c.id)).toBeNull();
    expect(await nodeB.listCoupleMembers(c.id)).toEqual([]);
    expect(await nodeB.getParticipant(people[1].id)).toMatchObject({ coupleId: null });
    expect(await nodeB.lastUpdateId(`board.${c.id}`)).toBe(0);
  });
});

describe('DATABASE_URL', () => {
  it('selects PostgreSQL for postgres:// and postgresql:// URLs and refuses anything else', () => {
    const env = (vars: Record<string, string>) => ({ NODE_ENV: 'test', ...vars }) as NodeJS.ProcessEnv;
    expect(loadConfig(env({ DATABASE_URL: 'postgres://u:p@db:5432/twofold' })).databaseUrl).toBe('postgres://u:p@db:5432/twofold');
    expect(loadConfig(env({ DATABASE_URL: 'postgresql://db/twofold' })).databaseUrl).toBe('postgresql://db/twofold');
    expect(loadConfig(env({})).databaseUrl).toBeNull();
    expect(() => loadConfig(env({ DATABASE_URL: 'mysql://db/twofold' }))).toThrow(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
    const refusal = thrown(() => loadConfig(env({ DATABASE_URL: 'hunter2@db' })));
    expect(refusal).toMatch(/DATABASE_URL/);
    expect(refusal).not.toContain('hunter2');
  });

  it('an unreachable database stops the start with a message that names it without the password', async () => {
    const bad = new URL(url);
    bad.pathname = '/no_such_database';
    bad.username = 'postgres';
    bad.password = 'hunter2';
    const message = await openPgStore(bad.toString(), quietLog).then(
      () => 'opened',
      (err: unknown) => String(err instanceof Error ? err.message : err),
    );
    expect(message).toMatch(/Cannot open the PostgreSQL store at 127\.0\.0\.1:\d+\/no_such_database: .*does not exist/);
    expect(message).not.toContain('hunter2');
  });
});

/** The message `run` throws with; fails the test if it does not throw. */
function thrown(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  throw new Error('expected an error');
}
