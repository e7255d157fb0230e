import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../server/store/migrations';
import type { Store } from '../../server/store/storeTypes';
import { BACKENDS, coupleRow, editor, participantRow, storedLines, wallRow, workshopRow } from '../helpers/storeFixtures';

/**
 * The storage contract, run against every backend: each Store method, the seat races, and
 * deletion ([R35]). A second handle on the same data (`other`) plays a second server process.
 */
describe.each(BACKENDS)('Store contract: $name', (backend) => {
  let store: Store;
  let other: Store;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const location = await backend.create();
    store = await location.open();
    other = await location.open();
    dispose = location.dispose;
  });
  afterAll(async () => {
    await store?.close();
    await other?.close();
    await dispose?.();
  });

  /** A workshop with `n` participants, all unpaired. */
  async function room(n: number) {
    const w = workshopRow();
    await store.createWorkshop(w);
    const people = [];
    for (let i = 0; i < n; i++) {
      const p = participantRow(w.code, { createdAt: 1_700_000_000_000 + i });
      await store.createParticipant(p);
      people.push(p);
    }
    return { w, people };
  }

  it('ping answers the schema version recorded in the database, and fails once the store is closed', async () => {
    expect(await store.ping()).toBe(LATEST_SCHEMA_VERSION);
    expect(await other.ping()).toBe(LATEST_SCHEMA_VERSION);
    const location = await backend.create();
    const closed = await location.open();
    await closed.close();
    await expect(closed.ping()).rejects.toThrow();
    await location.dispose();
  });

  it('creates and reads workshops; state, expiry and peak are updated in place', async () => {
    const w = workshopRow();
    await store.createWorkshop(w);
    expect(await store.getWorkshop(w.code)).toEqual(w);
    expect(await other.getWorkshop(w.code)).toEqual(w);
    expect(await store.getWorkshop('NOPE0000')).toBeNull();
    await expect(store.createWorkshop(w)).rejects.toThrow();

    const state = { ...w.state, phase: 'ended' as const, endedAt: 1_700_000_100_000, version: 9 };
    await store.saveWorkshopState(w.code, state, 1_700_100_000_000);
    await store.notePeakOnline(w.code, 7);
    await store.notePeakOnline(w.code, 3);
    expect(await store.getWorkshop(w.code)).toEqual({ ...w, state, expiresAt: 1_700_100_000_000, peakOnline: 7 });
  });

  it('lists workshops whose retention has run out, soonest first', async () => {
    const later = workshopRow({ expiresAt: 5_000 });
    const sooner = workshopRow({ expiresAt: 4_000 });
    const exact = workshopRow({ expiresAt: 6_000 });
    const kept = workshopRow({ expiresAt: 6_001 });
    for (const w of [later, sooner, exact, kept]) await store.createWorkshop(w);
    const mine = new Set([later, sooner, exact, kept].map((w) => w.code));
    const expired = (await store.listExpiredWorkshops(6_000)).filter((c) => mine.has(c));
    expect(expired).toEqual([sooner.code, later.code, exact.code]);
  });

  it('creates participants and finds them by id, token hash and review hash', async () => {
    const { w, people } = await room(3);
    const [p] = people;
    expect(await store.getParticipant(p.id)).toEqual(p);
    expect(await store.getParticipantByTokenHash(p.tokenHash)).toEqual(p);
    expect(await store.getParticipantByReviewHash(p.reviewHash)).toEqual(p);
    expect(await store.getParticipant('unknown')).toBeNull();
    expect(await store.getParticipantByTokenHash('unknown')).toBeNull();
    expect(await store.getParticipantByReviewHash('unknown')).toBeNull();
    expect((await store.listParticipants(w.code)).map((x) => x.id)).toEqual(people.map((x) => x.id));
    await expect(store.createParticipant(participantRow(w.code, { tokenHash: p.tokenHash }))).rejects.toThrow();
  });

  it('creates a couple with its creator in seat a, once per participant', async () => {
    const { w, people } = await room(2);
    const [p, q] = people;
    const c = coupleRow(w.code);
    expect(await store.createCouple(c, p.id)).toEqual({ ok: true, couple: c, seat: 'a' });
    expect(await store.getCouple(c.id)).toEqual(c);
    expect(await store.getParticipant(p.id)).toMatchObject({ coupleId: c.id, seat: 'a' });
    expect(await store.createCouple(coupleRow(w.code), p.id)).toEqual({ ok: false, reason: 'already_paired' });
    expect(await store.createCouple(coupleRow(w.code), 'unknown')).toEqual({ ok: false, reason: 'not_found' });
    const elsewhere = await room(1);
    expect(await store.createCouple(coupleRow(w.code), elsewhere.people[0].id)).toEqual({ ok: false, reason: 'not_found' });
    expect((await store.listCouples(w.code)).map((x) => x.id)).toEqual([c.id]);
    expect(await store.getParticipant(q.id)).toMatchObject({ coupleId: null, seat: null });
  });

  it('createCouple twice at once for the same participant (two nodes): exactly one couple', async () => {
    const { w, people } = await room(1);
    const results = await Promise.all([store.createCouple(coupleRow(w.code), people[0].id), other.createCouple(coupleRow(w.code), people[0].id)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'already_paired' }]);
    const couples = await store.listCouples(w.code);
    expect(couples).toHaveLength(1);
    expect(await store.getParticipant(people[0].id)).toMatchObject({ coupleId: couples[0].id, seat: 'a' });
  });

  it('joins by pair code into the free seat; rejoining is idempotent; a full couple refuses', async () => {
    const { w, people } = await room(4);
    const [a, b, c, paired] = people;
    const couple = coupleRow(w.code);
    await store.createCouple(couple, a.id);
    await store.createCouple(coupleRow(w.code), paired.id);
    expect(await store.joinCoupleByPairCode(w.code, 'ZZZZZZ', b.id)).toEqual({ ok: false, reason: 'not_found' });
    expect(await store.joinCoupleByPairCode('OTHER000', couple.pairCode, b.id)).toEqual({ ok: false, reason: 'not_found' });
    expect(await store.joinCoupleByPairCode(w.code, couple.pairCode, paired.id)).toEqual({ ok: false, reason: 'already_paired' });
    expect(await store.joinCoupleByPairCode(w.code, couple.pairCode, b.id)).toEqual({ ok: true, couple, seat: 'b' });
    expect(await store.joinCoupleByPairCode(w.code, couple.pairCode, b.id)).toEqual({ ok: true, couple, seat: 'b' });
    expect(await store.joinCoupleByPairCode(w.code, couple.pairCode, a.id)).toEqual({ ok: true, couple, seat: 'a' });
    expect(await store.joinCoupleByPairCode(w.code, couple.pairCode, c.id)).toEqual({ ok: false, reason: 'couple_full' });
    expect((await store.listCoupleMembers(couple.id)).map((m) => [m.id, m.seat])).toEqual([
      [a.id, 'a'],
      [b.id, 'b'],
    ]);
  });

  it('two people racing for the last seat on two nodes: exactly one gets it', async () => {
    for (let round = 0; round < 5; round++) {
      const { w, people } = await room(3);
      const couple = coupleRow(w.code);
      await store.createCouple(couple, people[0].id);
      const results = await Promise.all([
        store.joinCoupleByPairCode(w.code, couple.pairCode, people[1].id),
        other.joinCoupleByPairCode(w.code, couple.pairCode, people[2].id),
      ]);
      expect(results.filter((r) => r.ok)).toEqual([{ ok: true, couple, seat: 'b' }]);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'couple_full' }]);
      expect(await store.listCoupleMembers(couple.id)).toHaveLength(2);
    }
  });

  it('pairs two unpaired participants into a new couple', async () => {
    const { w, people } = await room(3);
    const [p, q, r] = people;
    const c = coupleRow(w.code);
    expect(await store.pairParticipants(coupleRow(w.code), [p.id, p.id])).toEqual({ ok: false, reason: 'cannot_pair_self' });
    expect(await store.pairParticipants(coupleRow(w.code), [p.id, 'unknown'])).toEqual({ ok: false, reason: 'not_found' });
    expect(await store.pairParticipants(c, [q.id, p.id])).toEqual({ ok: true, couple: c, seat: 'a' });
    expect((await store.listCoupleMembers(c.id)).map((m) => [m.id, m.seat])).toEqual([
      [q.id, 'a'],
      [p.id, 'b'],
    ]);
    expect(await store.pairParticipants(coupleRow(w.code), [r.id, p.id])).toEqual({ ok: false, reason: 'already_paired' });
    expect(await store.listCouples(w.code)).toEqual([c]);
  });

  it('records doc stats (upsert), touches the couple, and ignores a couple that is gone', async () => {
    const { w, people } = await room(1);
    const c = coupleRow(w.code);
    await store.createCouple(c, people[0].id);
    const docName = `board.${c.id}`;
    await store.recordDocStats({ docName, coupleId: c.id, counts: { 'bring-need': 2 }, updatedAt: 10 });
    await store.recordDocStats({ docName, coupleId: c.id, counts: { 'bring-need': 3, values: 1 }, updatedAt: 20 });
    expect(await store.listDocStats(w.code)).toEqual([{ docName, coupleId: c.id, counts: { 'bring-need': 3, values: 1 }, updatedAt: 20 }]);
    expect((await store.getCouple(c.id))?.lastActivityAt).toBe(20);
    await store.recordDocStats({ docName: 'board.gone', coupleId: 'gone', counts: { x: 1 }, updatedAt: 30 });
    expect(await store.listDocStats(w.code)).toHaveLength(1);
  });

  it('creates wall items, changes their status, lists them in order', async () => {
    const { w, people } = await room(1);
    const c = coupleRow(w.code);
    await store.createCouple(c, people[0].id);
    const first = wallRow(w.code, c.id, { createdAt: 1 });
    const second = wallRow(w.code, c.id, { createdAt: 2, text: 'Ünïcödé ✓ 你好', proposedBy: 'b' });
    await store.createWallItem(second);
    await store.createWallItem(first);
    expect(await store.getWallItem(first.id)).toEqual(first);
    expect(await store.getWallItem('unknown')).toBeNull();
    await store.setWallStatus(second.id, 'approved', 99);
    expect(await store.listWallItems(w.code)).toEqual([first, { ...second, status: 'approved', updatedAt: 99 }]);
  });

  it('stores doc updates in order and compacts them into a snapshot', async () => {
    const docName = `board.${coupleRow('X').id}`;
    expect(await store.loadDoc(docName)).toEqual({ snapshot: null, updates: [], lastUpdateId: 0 });
    expect(await store.lastUpdateId(docName)).toBe(0);
    const e = editor();
    const sent = ['one', 'two', 'three'].map((t) => e.type(t));
    const ids: number[] = [];
    for (const u of sent) ids.push(await store.appendUpdate(docName, u));
    const loaded = await store.loadDoc(docName);
    expect(loaded.snapshot).toBeNull();
    expect(loaded.updates).toEqual(sent);
    // Each append resolves with its row's id, growing in append order: a board compacts up to the id of the newest row it has applied.
    expect(ids[0]).toBeGreaterThan(0);
    expect(ids[1]).toBeGreaterThan(ids[0]);
    expect(ids[2]).toBeGreaterThan(ids[1]);
    expect(loaded.lastUpdateId).toBe(ids[2]);
    expect(await store.lastUpdateId(docName)).toBe(loaded.lastUpdateId);

    const upToId = await store.lastUpdateId(docName);
    await store.compactDoc(docName, Y.encodeStateAsUpdate(e.doc), upToId);
    const four = e.type('four');
    const fourId = await store.appendUpdate(docName, four);
    const after = await store.loadDoc(docName);
    expect(after.lastUpdateId).toBe(fourId);
    expect(after.snapshot).not.toBeNull();
    expect(after.updates).toEqual([four]);
    // Not necessarily above upToId: SQLite (no AUTOINCREMENT since main's schema v2) may reuse ids once a table is empty.
    // What callers rely on: the id read is the newest, and rows appended later get higher ones than rows still there.
    expect(after.lastUpdateId).toBeGreaterThan(0);
    expect(await store.lastUpdateId(docName)).toBe(after.lastUpdateId);
    expect(await storedLines(other, docName)).toEqual(['one', 'two', 'three', 'four']);
  });

  it('appends concurrent with compactions lose nothing', async () => {
    const docName = `board.${coupleRow('X').id}`;
    const e = editor();
    const appends: Promise<unknown>[] = [];
    const compactions: Promise<void>[] = [];
    for (let i = 0; i < 60; i++) {
      // As LiveBoard does: the update is in the doc before it is stored, so a snapshot taken after reading the id covers it.
      appends.push(store.appendUpdate(docName, e.type(`line ${i}`)));
      if (i % 10 === 5) {
        compactions.push(
          (async () => {
            const upToId = await store.lastUpdateId(docName);
            await store.compactDoc(docName, Y.encodeStateAsUpdate(e.doc), upToId);
          })(),
        );
      }
    }
    await Promise.all([...appends, ...compactions]);
    expect(await storedLines(store, docName)).toEqual(e.doc.getArray('lines').toArray());
  });

  it('deleteCouple frees the seats and removes its stats, wall items, boards and private docs', async () => {
    const { w, people } = await room(4);
    const [gone, kept] = [coupleRow(w.code), coupleRow(w.code)];
    await store.pairParticipants(gone, [people[0].id, people[1].id]);
    await store.pairParticipants(kept, [people[2].id, people[3].id]);
    const docs = (c: string) => [`board.${c}`, `private.${c}.bring-need.a`, `private.${c}.values.b`];
    for (const c of [gone.id, kept.id]) {
      await store.recordDocStats({ docName: `board.${c}`, coupleId: c, counts: { x: 1 }, updatedAt: 1 });
      await store.createWallItem(wallRow(w.code, c));
      for (const d of docs(c)) {
        const e = editor();
        await store.appendUpdate(d, e.type(`secret of ${d}`));
        await store.compactDoc(d, Y.encodeStateAsUpdate(e.doc), await store.lastUpdateId(d));
        await store.appendUpdate(d, e.type('after the snapshot'));
      }
    }
    await store.deleteCouple(gone.id);
    for (const s of [store, other]) {
      expect(await s.getCouple(gone.id)).toBeNull();
      expect(await s.listCoupleMembers(gone.id)).toEqual([]);
      expect(await s.getParticipant(people[0].id)).toMatchObject({ coupleId: null });
      for (const d of docs(gone.id)) expect(await s.loadDoc(d)).toEqual({ snapshot: null, updates: [], lastUpdateId: 0 });
      for (const d of docs(gone.id)) expect(await s.lastUpdateId(d)).toBe(0);
      expect((await s.listDocStats(w.code)).map((x) => x.coupleId)).toEqual([kept.id]);
      expect((await s.listWallItems(w.code)).map((x) => x.coupleId)).toEqual([kept.id]);
      for (const d of docs(kept.id)) expect(await storedLines(s, d)).toEqual([`secret of ${d}`, 'after the snapshot']);
    }
  });

  it('deleteParticipant keeps a couple with someone in it and deletes it when it empties, also when both leave at once', async () => {
    const { w, people } = await room(4);
    const c = coupleRow(w.code);
    await store.pairParticipants(c, [people[0].id, people[1].id]);
    await store.appendUpdate(`board.${c.id}`, editor().type('ours'));
    await store.deleteParticipant(people[0].id);
    expect(await store.getParticipant(people[0].id)).toBeNull();
    expect(await store.getParticipantByTokenHash(people[0].tokenHash)).toBeNull();
    expect(await store.getCouple(c.id)).toEqual(c);
    await store.deleteParticipant(people[1].id);
    expect(await store.getCouple(c.id)).toBeNull();
    expect(await store.lastUpdateId(`board.${c.id}`)).toBe(0);
    await store.deleteParticipant('unknown');

    const both = coupleRow(w.code);
    await store.pairParticipants(both, [people[2].id, people[3].id]);
    await store.appendUpdate(`board.${both.id}`, editor().type('ours'));
    await Promise.all([store.deleteParticipant(people[2].id), other.deleteParticipant(people[3].id)]);
    expect(await store.getCouple(both.id)).toBeNull();
    expect(await store.loadDoc(`board.${both.id}`)).toEqual({ snapshot: null, updates: [], lastUpdateId: 0 });
    expect(await store.listParticipants(w.code)).toEqual([]);
  });

  it('deleteWorkshop removes everything of the workshop and nothing of another', async () => {
    const doomed = await room(3);
    const other_ = await room(2);
    const seed = async (r: Awaited<ReturnType<typeof room>>) => {
      const c = coupleRow(r.w.code);
      await store.pairParticipants(c, [r.people[0].id, r.people[1].id]);
      await store.recordDocStats({ docName: `board.${c.id}`, coupleId: c.id, counts: { x: 2 }, updatedAt: 1 });
      await store.createWallItem(wallRow(r.w.code, c.id));
      await store.appendUpdate(`board.${c.id}`, editor().type('board words'));
      await store.appendUpdate(`private.${c.id}.values.a`, editor().type('private words'));
      return c;
    };
    const c1 = await seed(doomed);
    const c2 = await seed(other_);
    await store.deleteWorkshop(doomed.w.code);
    await store.deleteWorkshop(doomed.w.code); // twice is harmless
    for (const s of [store, other]) {
      expect(await s.getWorkshop(doomed.w.code)).toBeNull();
      for (const p of doomed.people) {
        expect(await s.getParticipant(p.id)).toBeNull();
        expect(await s.getParticipantByTokenHash(p.tokenHash)).toBeNull();
        expect(await s.getParticipantByReviewHash(p.reviewHash)).toBeNull();
      }
      expect(await s.listParticipants(doomed.w.code)).toEqual([]);
      expect(await s.getCouple(c1.id)).toBeNull();
      expect(await s.listCouples(doomed.w.code)).toEqual([]);
      expect(await s.listDocStats(doomed.w.code)).toEqual([]);
      expect(await s.listWallItems(doomed.w.code)).toEqual([]);
      expect(await s.loadDoc(`board.${c1.id}`)).toEqual({ snapshot: null, updates: [], lastUpdateId: 0 });
      expect(await s.loadDoc(`private.${c1.id}.values.a`)).toEqual({ snapshot: null, updates: [], lastUpdateId: 0 });
      expect(await s.listExpiredWorkshops(Number.MAX_SAFE_INTEGER)).not.toContain(doomed.w.code);

      expect(await s.getWorkshop(other_.w.code)).not.toBeNull();
      expect(await s.listParticipants(other_.w.code)).toHaveLength(2);
      expect(await s.listWallItems(other_.w.code)).toHaveLength(1);
      expect(await storedLines(s, `board.${c2.id}`)).toEqual(['board words']);
      expect(await storedLines(s, `private.${c2.id}.values.a`)).toEqual(['private words']);
    }
  });
});
