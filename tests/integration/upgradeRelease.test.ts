import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { addEntry, listEntries, readLinks, readMarkers } from '../../lib/board/schema';
import { BRING_NEED, SPECTRUM, SUPPORT } from '../../lib/catalogue/catalogue';
import { CLOSE_CODES, privateDocName, type BoardAccess } from '../../lib/protocol';
import type { ReviewData } from '../../lib/review/reviewData';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../server/store/migrations';
import { copyRelease1Sqlite, RELEASE_1, restoreRelease1Postgres } from '../fixtures/release1';
import type { Release1Secrets } from '../fixtures/makeReleaseDb';
import { ApiClient } from '../helpers/apiClient';
import { connectControl, hostAuth, participantAuth, projectorAuth } from '../helpers/controlClient';
import { startTestServer, tempDataDir } from '../helpers/server';
import { createTestDatabase } from '../helpers/testDatabase';
import { eventually } from '../helpers/wait';
import { boardUrl, closeCodeOf, connectBoard } from '../helpers/yjsClient';

/**
 * A database written by the last release before migrations (tests/fixtures/release-1, made with
 * that release's server through the API) opens on this release with nothing lost: it is
 * recognised as migration 1, brought to the latest version, and everything in it is still
 * there, as the API and the stock Yjs provider see it.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const EXPECTED_RECORD = MIGRATIONS.map((m) => ({ version: m.version, name: m.name }));

interface Prepared {
  dataDir: string;
  databaseUrl: string | null;
  /** The versions recorded in the database, oldest first. */
  recorded(): Promise<{ version: number; name: string }[]>;
}

async function sqliteRelease(tamper?: (db: Database.Database) => void): Promise<Prepared> {
  const dataDir = tempDataDir();
  const file = copyRelease1Sqlite(dataDir);
  const before = new Database(file);
  // The fixture is what the release wrote: user_version 1 and no migration record.
  expect(before.pragma('user_version', { simple: true })).toBe(1);
  expect(before.prepare("SELECT name FROM sqlite_master WHERE name = 'schema_migrations'").all()).toEqual([]);
  tamper?.(before);
  before.close();
  return {
    dataDir,
    databaseUrl: null,
    async recorded() {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[];
      } finally {
        db.close();
      }
    },
  };
}

async function postgresRelease(): Promise<Prepared> {
  const url = await createTestDatabase();
  await restoreRelease1Postgres(url);
  const query = async <R extends pg.QueryResultRow>(sql: string): Promise<R[]> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<R>(sql)).rows;
    } finally {
      await client.end();
    }
  };
  // The dump is what the release wrote: its tables, and no migration record.
  expect(await query("SELECT to_regclass('schema_migrations') AS t")).toEqual([{ t: null }]);
  expect(await query("SELECT count(*)::int AS n FROM workshops")).toEqual([{ n: 1 }]);
  return { dataDir: tempDataDir(), databaseUrl: url, recorded: () => query('SELECT version, name FROM schema_migrations ORDER BY version') };
}

const stores: { name: string; prepare: () => Promise<Prepared>; secrets: Release1Secrets }[] = [
  { name: 'SQLite', prepare: () => sqliteRelease(), secrets: RELEASE_1.sqlite },
  { name: 'PostgreSQL', prepare: postgresRelease, secrets: RELEASE_1.postgres },
];

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const texts = (doc: import('yjs').Doc, exercise: string) => listEntries(doc, exercise).map((e) => e.text.toString());
/** The couple's private doc, opened with the board's own ticket, or with another person's. */
const privateAccess = (board: BoardAccess, coupleId: string, item: string, seat: 'a' | 'b', params?: Record<string, string>): BoardAccess => ({
  ...board,
  docName: privateDocName(coupleId, item, seat),
  params: params ?? board.params,
});

describe.each(stores)('the release before migrations, upgraded ($name)', ({ prepare, secrets: s }) => {
  it('[R46] opens with every workshop, seat, board, private doc, reveal, wall entry, review link and retention, and records the latest version', { timeout: 90_000 }, async () => {
    const prepared = await prepare();
    let clock = s.madeAt + HOUR;
    const start = () => startTestServer({ dataDir: prepared.dataDir, databaseUrl: prepared.databaseUrl, now: () => clock, timing: { hostSnapshotThrottleMs: 20 } });
    let server = await start();
    cleanups.push(() => server.close());
    const api = new ApiClient(server.url);
    expect(await prepared.recorded()).toEqual(EXPECTED_RECORD);
    expect(EXPECTED_RECORD.at(-1)?.version).toBe(LATEST_SCHEMA_VERSION);

    // The workshop, its retention, its language (migration 2: a workshop from before it was English), every seat and token.
    expect((await api.request('GET', `/api/workshops/${s.code}`)).body).toEqual({ code: s.code, title: s.title, status: 'open', retentionDays: 7, locale: 'en' });
    const [ana, ben, cleo, dev, eve] = await Promise.all([s.people.ana, s.people.ben, s.people.cleo, s.people.dev, s.people.eve].map((p) => api.me(p.token)));
    expect([ana, ben, cleo, dev, eve].map((m) => [m.participant.name, m.participant.seat, m.couple?.id ?? null])).toEqual([
      ['Ana', 'a', s.couples.one.id],
      ['Ben', 'b', s.couples.one.id],
      ['Cleo', 'a', s.couples.two.id],
      ['Dev', 'b', s.couples.two.id],
      ['Eve', null, null],
    ]);
    expect(ana.couple).toMatchObject({ pairCode: s.couples.one.pairCode, partner: { name: 'Ben', seat: 'b' } });
    expect(ana.reviewUrl.endsWith(`/review/${s.people.ana.reviewSecret}`)).toBe(true);

    // The room's state: the private exercise on screen, spectrum unrevealed, support revealed; the wall entry approved.
    const host = connectControl(server.url, hostAuth(s.code, s.hostKey));
    const projector = connectControl(server.url, projectorAuth(s.code));
    const phone = connectControl(server.url, participantAuth(s.people.ana.token));
    cleanups.push(() => [host, projector, phone].forEach((c) => c.close()));
    await eventually(() => {
      expect(host.latest.snapshot?.couples.map((c) => c.id).sort()).toEqual([s.couples.one.id, s.couples.two.id].sort());
      expect(projector.latest.projector?.wall).toEqual([{ id: s.wallItemId, text: s.text.bring, itemKey: BRING_NEED.id }]);
      expect(phone.latest.self?.couple?.steps).toHaveLength(4);
    });
    expect(host.latest.workshop).toMatchObject({ phase: 'exercise', step: 2 });
    expect(host.latest.snapshot?.agenda.map((i) => i.key)).toEqual([BRING_NEED.id, SPECTRUM.id, SUPPORT.id, 'own-question']);
    expect(host.latest.snapshot?.unpaired.map((p) => p.name)).toEqual(['Eve']);
    expect(host.latest.snapshot?.wall).toMatchObject([{ id: s.wallItemId, status: 'approved', text: s.text.bring }]);
    const steps = phone.latest.self!.couple!.steps;
    expect(steps[1]).toEqual({ ready: { a: true, b: false }, revealed: false, revealedBy: null });
    expect(steps[2]).toEqual({ ready: { a: true, b: true }, revealed: true, revealedBy: 'partners' });
    expect(phone.latest.self?.couple?.shares).toMatchObject([{ id: s.wallItemId, status: 'approved', text: s.text.bring }]);

    // Boards, through the stock provider: the snapshot and the update log after it.
    const anaBoard = connectBoard(ana.board!);
    const benBoard = connectBoard(ben.board!);
    const cleoBoard = connectBoard(cleo.board!);
    cleanups.push(() => [anaBoard, benBoard, cleoBoard].forEach((b) => b.destroy()));
    await Promise.all([anaBoard.synced(), benBoard.synced(), cleoBoard.synced()]);
    expect(texts(benBoard.doc, BRING_NEED.id)).toEqual([s.text.bring, s.text.need, s.text.afterRestart]);
    expect([...readLinks(benBoard.doc)]).toEqual([['n1', 'b1']]);
    expect(texts(cleoBoard.doc, BRING_NEED.id)).toEqual([s.text.otherCouple]);

    // The unrevealed private doc is still refused to the partner, before a single byte; its author reads it.
    const spectrumA = privateAccess(ana.board!, s.couples.one.id, SPECTRUM.id, 'a');
    expect(await closeCodeOf(boardUrl({ ...spectrumA, params: ben.board!.params }))).toMatchObject({ code: CLOSE_CODES.forbidden, messages: 0 });
    const own = connectBoard(spectrumA);
    cleanups.push(() => own.destroy());
    await eventually(() => expect(readMarkers(own.doc)).toEqual([{ exercise: SPECTRUM.id, area: 'money', seat: 'a', position: 0.25 }]));
    // The revealed one is open to the partner, read-only.
    const revealed = connectBoard(privateAccess(ana.board!, s.couples.one.id, SUPPORT.id, 'a', ben.board!.params));
    cleanups.push(() => revealed.destroy());
    await eventually(() => expect(texts(revealed.doc, SUPPORT.id)).toEqual([s.text.revealedA]));

    // Review links: the couple's board, the unrevealed spectrum hidden from the partner, another couple's words absent.
    const review = await api.request<ReviewData>('GET', `/api/review/${s.people.ben.reviewSecret}`);
    expect(review.status).toBe(200);
    expect(review.body.workshop.title).toBe(s.title);
    expect(review.body.people).toEqual([{ name: 'Ana', seat: 'a' }, { name: 'Ben', seat: 'b' }]);
    const [bringNeed, spectrum, support] = review.body.exercises;
    expect(bringNeed.kind === 'columns' && bringNeed.columns.map((c) => c.entries.map((e) => e.text))).toEqual([[s.text.bring, s.text.afterRestart], [s.text.need]]);
    expect(spectrum.kind === 'spectrum' && spectrum.revealed === false && spectrum.areas[0].markers).toEqual([]);
    expect(support.kind === 'prompts' && support.questions[1].answers.map((a) => a.text)).toEqual([s.text.revealedA, s.text.revealedB]);
    expect(JSON.stringify(review.body)).not.toContain(s.text.otherCouple);
    expect((await api.request<ReviewData>('GET', `/api/review/${s.people.cleo.reviewSecret}`)).body.exercises[0]).toMatchObject({ key: BRING_NEED.id });

    // Writing goes on, and survives a restart of the upgraded release (which finds nothing left to migrate).
    addEntry(anaBoard.doc, { id: 'b3', exercise: BRING_NEED.id, column: 'bring', author: 'a', createdAt: s.madeAt + 10 }, 'Written after the upgrade');
    await eventually(() => expect(texts(benBoard.doc, BRING_NEED.id)).toContain('Written after the upgrade'));
    for (const c of [anaBoard, benBoard, cleoBoard, own, revealed]) c.destroy();
    for (const c of [host, projector, phone]) c.close();
    await server.close();
    server = await start();
    expect(await prepared.recorded()).toEqual(EXPECTED_RECORD);
    const again = connectBoard((await new ApiClient(server.url).me(s.people.ben.token)).board!);
    cleanups.push(() => again.destroy());
    await again.synced();
    expect(texts(again.doc, BRING_NEED.id)).toEqual([s.text.bring, s.text.need, s.text.afterRestart, 'Written after the upgrade']);
    again.destroy();

    // Retention: never ended, so a day after creation plus its 7 days.
    clock = s.madeAt + 8 * DAY - HOUR;
    expect(await server.sweep()).toEqual([]);
    clock = s.madeAt + 8 * DAY + HOUR;
    expect(await server.sweep()).toEqual([s.code]);
    expect((await new ApiClient(server.url).request('GET', '/api/me', undefined, s.people.ana.token)).status).toBe(401);
  });
});

describe('the short-lived SQLite schema v2 (update log without AUTOINCREMENT, user_version 2)', () => {
  it('is recognised as migration 1 and opens as that release opened it', async () => {
    const s = RELEASE_1.sqlite;
    // What the removed migration 2 did to a database (commit 80c067e), applied to the release's file.
    const prepared = await sqliteRelease((db) => {
      db.exec(`
        CREATE TABLE doc_updates_v2 (id INTEGER PRIMARY KEY, doc_name TEXT NOT NULL, data BLOB NOT NULL);
        INSERT INTO doc_updates_v2 (id, doc_name, data) SELECT id, doc_name, data FROM doc_updates;
        DROP TABLE doc_updates;
        ALTER TABLE doc_updates_v2 RENAME TO doc_updates;
        CREATE INDEX doc_updates_by_doc ON doc_updates(doc_name, id);
        DELETE FROM sqlite_sequence WHERE name = 'doc_updates';
      `);
      db.pragma('user_version = 2');
    });
    const server = await startTestServer({ dataDir: prepared.dataDir, databaseUrl: null, now: () => s.madeAt + HOUR });
    cleanups.push(() => server.close());
    expect(await prepared.recorded()).toEqual(EXPECTED_RECORD);
    const api = new ApiClient(server.url);
    const [ana, ben] = await Promise.all([api.me(s.people.ana.token), api.me(s.people.ben.token)]);
    const a = connectBoard(ana.board!);
    const b = connectBoard(ben.board!);
    cleanups.push(() => [a, b].forEach((c) => c.destroy()));
    await Promise.all([a.synced(), b.synced()]);
    expect(texts(b.doc, BRING_NEED.id)).toEqual([s.text.bring, s.text.need, s.text.afterRestart]);
    addEntry(a.doc, { id: 'v2', exercise: BRING_NEED.id, column: 'need', author: 'a', createdAt: s.madeAt + 10 }, 'Appended to a v2 log');
    await eventually(() => expect(texts(b.doc, BRING_NEED.id)).toContain('Appended to a v2 log'));
  });
});
