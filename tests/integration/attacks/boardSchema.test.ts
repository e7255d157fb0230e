import fs from 'node:fs';
import path from 'node:path';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { addEntry, listAllEntries, setMarker } from '../../../lib/board/schema';
import { BOARD_ROOTS } from '../../../lib/board/schemaPlaces';
import { inspectUpdate } from '../../../lib/board/updateInspector';
import { CLOSE_CODES, privateDocName, type BoardAccess, type MeResponse } from '../../../lib/protocol';
import { DEFAULT_LIMITS } from '../../../server/tunables';
import { openSqliteStore } from '../../../server/store/sqliteStore';
import { ApiClient } from '../../helpers/apiClient';
import { launchAttack, openProbe, p99, summarise } from '../../helpers/attack';
import type { BoardUpdatesResult } from '../../helpers/attacker';
import { connectControl, hostAuth } from '../../helpers/controlClient';
import { deepMaps, manyRoots, oneTransaction, rawStructsAndDeletions } from '../../helpers/craftedUpdates';
import { rawBoardClient } from '../../helpers/rawBoardClient';
import { serverForFile, tempDataDir, withServer, type TestServer } from '../../helpers/server';
import { eventually } from '../../helpers/wait';
import { boardUrl, connectBoard } from '../../helpers/yjsClient';

/**
 * Issue 12's attacks 1–4 on the couple's board, replayed at their sizes by a seated participant
 * with raw `ws` and `yjs` (tests/helpers/rawBoardClient.ts, attacker.ts) against a real server:
 * each is refused with its documented code and never stored or relayed, a probe couple in
 * another workshop stays under 100 ms, and the couple's board still loads, exports and deletes.
 * SQLite whatever TWOFOLD_TEST_STORE says: the data folder is one of the things measured.
 * A short unload delay, so "after unloading" is reached in milliseconds. Each attack here is one
 * participant sending more refused updates than their refused-frame budget allows (5, [R115]),
 * and the flood of maps inside entries sends 9 MB a second, past their byte budget (4 MiB/s,
 * [R114]): at the defaults the later ones would be answered 4329 before they are inspected.
 * What is checked here is the inspection, so those budgets are raised; boardFloods.test.ts
 * checks the budgets themselves, at their defaults.
 */
const BUDGETS_OFF = { boardRefusalBurst: 100_000, boardBytesPerSecond: 1 << 30, boardByteBurst: 1 << 30 };
const { server, api } = await serverForFile({ databaseUrl: null, timing: { docUnloadDelayMs: 100 }, limits: { ...DEFAULT_LIMITS, ...BUDGETS_OFF } });

const UNDER_MS = 100;
/** What a refused attack may leave in the data folder: SQLite pages of the rows the test itself writes, not the attack. */
const REFUSED_GROWTH_BUDGET_BYTES = 256 * 1024;

const freshBoard = async (token: string, board: BoardAccess): Promise<BoardAccess> => ({ ...board, params: (await api.boardTicket(token)).params });
const freshUrl = async (token: string, board: BoardAccess) => boardUrl(await freshBoard(token, board));

/** What the store holds of a doc: its bytes (read before anything is applied), and a replica of it. */
async function stored(docName: string, s: TestServer = server) {
  const { snapshot, updates } = await s.store.loadDoc(docName);
  const bytes = (snapshot?.length ?? 0) + updates.reduce((n, u) => n + u.length, 0);
  return {
    bytes,
    rows: updates.length,
    snapshot,
    replica() {
      const doc = new Y.Doc();
      for (const u of [snapshot, ...updates]) if (u) Y.applyUpdate(doc, u);
      return doc;
    },
  };
}

/** Updates that change something (a stock client's sync step 2 of nothing new is stored and relayed as an empty one). */
const changes = (updates: Uint8Array[]) =>
  updates.filter((u) => {
    const { structs, ds } = Y.decodeUpdate(u);
    return structs.length > 0 || ds.clients.size > 0;
  });

const textsOf = (doc: Y.Doc) => listAllEntries(doc).map((e) => e.text.toString()).sort();

function folderBytes(dir: string): number {
  return fs.readdirSync(dir).reduce((n, name) => n + fs.statSync(path.join(dir, name)).size, 0);
}

/** One transaction of app-shaped entries, about `bytes` of text (each entry at the 2,000-character limit). */
function bigEntries(bytes: number, exercise: string, author: 'a' | 'b'): Uint8Array {
  return oneTransaction((d) => {
    for (let i = 0; i * 2_000 < bytes; i++) addEntry(d, { id: `big-${i}`, exercise, column: 'feel-supported', author, createdAt: i }, 'w'.repeat(2_000));
  })!;
}

/** A crafted client on `board` that sends one update once synced; resolves with the close code, or 'open' if the server kept it. */
async function sendOnce(url: string, update: (doc: Y.Doc) => Uint8Array | null): Promise<number | 'open'> {
  const client = rawBoardClient(url);
  try {
    await client.synced();
    const bytes = update(client.doc);
    if (!bytes) throw new Error('the edit changed nothing');
    await client.sendUpdate(bytes);
    // Kept, it comes back as the echo (saved); refused, the connection closes.
    const echoed = new Promise<'open'>((resolve) => client.ws.on('message', (data: Buffer) => Buffer.from(data).includes(Buffer.from(bytes)) && resolve('open')));
    return await Promise.race([client.closed.then((c) => c.code), echoed]);
  } finally {
    client.close();
  }
}

/** Review, both exports and deletion through the review link: each answers 200. Returns the Markdown. */
async function reviewExportDelete(me: MeResponse, base: ApiClient = api): Promise<string> {
  const secret = me.reviewUrl.split('/review/')[1];
  expect((await base.request('GET', `/api/review/${secret}`)).status).toBe(200);
  const md = await fetch(`${me.reviewUrl}/export.md`);
  expect(md.status).toBe(200);
  const markdown = await md.text();
  const pdf = await fetch(`${me.reviewUrl}/export.pdf`);
  expect(pdf.status).toBe(200);
  expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  expect((await base.request('DELETE', `/api/review/${secret}`, { confirm: true })).status).toBe(200);
  return markdown;
}

describe('attack 1: one participant freezes the whole server', () => {
  it('[R43][R45] an update of 70,000 root types, sent 5 times with fresh tickets, is refused with 4422 and never stored; a probe workshop stays under 100 ms; the couple’s phones then sync', { timeout: 90_000 }, async () => {
    const { a, b } = await api.coupleInWorkshop(['Mallory', 'Ben']);
    const [meA, meB] = await Promise.all([api.me(a.token), api.me(b.token)]);
    const docName = meA.board!.docName;
    const earlier = connectBoard(meB.board!);
    await earlier.synced();
    addEntry(earlier.doc, { id: 'kept', exercise: 'bring-need', column: 'bring', author: 'b', createdAt: 1 }, 'written before');
    await eventually(async () => expect(textsOf((await stored(docName)).replica())).toEqual(['written before']));
    earlier.destroy();
    const bytesBefore = (await stored(docName)).bytes;

    const probe = await openProbe(api);
    try {
      const urls = await Promise.all(Array.from({ length: 5 }, () => freshUrl(a.token, meA.board!)));
      const attack = launchAttack<BoardUpdatesResult>({ kind: 'boardUpdates', urls, shape: 'roots', roundsPerUrl: 1, durationMs: 0 });
      await attack.running;
      const figures = await probe.during(attack.done);
      const result = await attack.done;
      console.log(summarise('70,000 root types (attack 1), 5 sends', figures), JSON.stringify(result));

      expect(result.bytes).toBeGreaterThan(792_000);
      expect(result.sent).toBe(5);
      expect(result.closes).toEqual({ [CLOSE_CODES.schemaViolation]: 5 });
      expect(p99(figures.healthMs)).toBeLessThan(UNDER_MS);
      expect(p99(figures.typingMs)).toBeLessThan(UNDER_MS);
    } finally {
      probe.close();
    }
    expect((await api.request('GET', '/api/health')).status).toBe(200);
    const after = await stored(docName);
    expect(after.bytes - bytesBefore).toBeLessThan(1_024); // checked before reading it: 70,000 roots would take seconds
    const replica = after.replica();
    expect([...replica.share.keys()].filter((root) => !BOARD_ROOTS.has(root))).toEqual([]);
    expect(textsOf(replica)).toEqual(['written before']);

    // The couple's own phones: they connect, sync and hear each other as before.
    const phoneA = connectBoard(await freshBoard(a.token, meA.board!));
    const phoneB = connectBoard(await freshBoard(b.token, meB.board!));
    try {
      const started = performance.now();
      await Promise.all([phoneA.synced(), phoneB.synced()]);
      expect(performance.now() - started).toBeLessThan(2_000);
      addEntry(phoneA.doc, { id: 'after', exercise: 'bring-need', column: 'need', author: 'a', createdAt: 2 }, 'still ours');
      await eventually(() => expect(textsOf(phoneB.doc)).toEqual(['still ours', 'written before']));
    } finally {
      phoneA.destroy();
      phoneB.destroy();
    }
  });
  it('[R45] 100,000 characters as as many structs (~1 MB) into the sender’s own entry, 5 times: refused with 4422 before Yjs reads them; a probe workshop stays under 100 ms', { timeout: 60_000 }, async () => {
    const { a } = await api.coupleInWorkshop(['Mallory', 'Ben']);
    const meA = await api.me(a.token);
    const phone = connectBoard(meA.board!);
    await phone.synced();
    const text = addEntry(phone.doc, { id: 'own', exercise: 'bring-need', column: 'bring', author: 'a', createdAt: 1 }, 'x');
    await eventually(async () => expect(textsOf((await stored(meA.board!.docName)).replica())).toEqual(['x']));
    const textId = (text as unknown as { _item: Y.Item })._item.id;
    const bytesBefore = (await stored(meA.board!.docName)).bytes;
    const probe = await openProbe(api);
    try {
      const urls = await Promise.all(Array.from({ length: 5 }, () => freshUrl(a.token, meA.board!)));
      const attack = launchAttack<BoardUpdatesResult>({ kind: 'boardUpdates', urls, shape: 'chain', roundsPerUrl: 1, durationMs: 0, text: { client: textId.client, clock: textId.clock } });
      await attack.running;
      const figures = await probe.during(attack.done);
      const result = await attack.done;
      console.log(summarise('100,000 chained structs, 5 sends', figures), JSON.stringify(result));
      expect(result.bytes).toBeGreaterThan(780_000);
      expect(result.closes).toEqual({ [CLOSE_CODES.schemaViolation]: 5 });
      expect(p99(figures.healthMs)).toBeLessThan(UNDER_MS);
      expect(p99(figures.typingMs)).toBeLessThan(UNDER_MS);
    } finally {
      probe.close();
      phone.destroy();
    }
    expect((await stored(meA.board!.docName)).bytes - bytesBefore).toBeLessThan(1_024);
  });
});

describe('attack 2: memory and disk bounded per person', () => {
  it('[R45] private docs for 14 item keys not on the agenda, and for an exercise that is not private-first, are refused with 4404 and create nothing', { timeout: 60_000 }, async () => {
    const { a } = await api.coupleInWorkshop(['Mallory', 'Ben']);
    const meA = await api.me(a.token);
    const coupleId = meA.board!.docName.slice('board.'.length);
    const spam = bigEntries(900_000, 'bring-need', 'a'); // what each doc would have held: close to 1 MiB each
    const keys = [...Array.from({ length: 14 }, (_, i) => `not-on-agenda-${i}`), 'bring-need', 'value'];
    const folderBefore = folderBytes(server.dataDir);
    const codes: number[] = [];
    for (const key of keys) {
      const url = boardUrl({ ...(await freshBoard(a.token, meA.board!)), docName: privateDocName(coupleId, key, 'a') });
      const client = rawBoardClient(url);
      void client.sendUpdate(spam); // as soon as the socket opens, before any refusal could arrive
      codes.push((await client.closed).code);
      expect(changes(client.heard)).toEqual([]);
    }
    expect(codes).toEqual(keys.map(() => CLOSE_CODES.notFound));
    for (const key of keys) expect(await stored(privateDocName(coupleId, key, 'a'))).toMatchObject({ bytes: 0, rows: 0, snapshot: null });
    const growth = folderBytes(server.dataDir) - folderBefore;
    console.log(`private doc spam (attack 2): 16 docs refused, data folder +${growth} bytes`);
    expect(growth).toBeLessThan(REFUSED_GROWTH_BUDGET_BYTES); // 16 × 0.9 MB had they been kept
  });

  it('[R45] the own private doc of a private-first exercise opens and holds at most 1 MiB: past it 4413, and the data folder grows by about that', { timeout: 60_000 }, async () => {
    const { a } = await api.coupleInWorkshop(['Ana', 'Ben']);
    const meA = await api.me(a.token);
    const docName = privateDocName(meA.board!.docName.slice('board.'.length), 'support', 'a');
    const url = async () => boardUrl({ ...(await freshBoard(a.token, meA.board!)), docName });
    const folderBefore = folderBytes(server.dataDir);
    const first = bigEntries(600_000, 'support', 'a');
    expect(await sendOnce(await url(), () => first)).toBe('open');
    const second = oneTransaction((d) => {
      for (let i = 0; i < 300; i++) addEntry(d, { id: `more-${i}`, exercise: 'support', column: 'hard-to-ask', author: 'a', createdAt: i }, 'v'.repeat(2_000));
    })!;
    expect(await sendOnce(await url(), () => second)).toBe(CLOSE_CODES.boardTooLarge);
    const held = await stored(docName);
    expect(held.bytes).toBeLessThanOrEqual(DEFAULT_LIMITS.maxPrivateDocBytes);
    expect(held.bytes).toBeGreaterThan(first.length - 1); // the control: what fits is kept
    const growth = folderBytes(server.dataDir) - folderBefore;
    console.log(`own private doc at its cap: ${held.bytes} bytes stored, data folder +${growth} bytes`);
    expect(growth).toBeLessThan(3 * DEFAULT_LIMITS.maxPrivateDocBytes); // the rows, and the same pages once more in the WAL
  });

  /**
   * Paced at 10 updates a second per attacker (18 MB/s of junk together): unpaced, the two send
   * ~80 a second, and receiving 72 MB/s costs the loop its frames and their garbage whatever the
   * server does with them (SECURITY.md gives both figures).
   */
  it('[R45] maps inside entries (~900 KB, 35× that in heap once applied) from 2 attackers at 10 a second for 5 s: refused with 4422 every time, heap within 64 MiB, a probe under 100 ms', { timeout: 90_000 }, async () => {
    const couples = await Promise.all([api.coupleInWorkshop(['Mallory', 'Ben']), api.coupleInWorkshop(['Eve', 'Fay'])]);
    const attackers = await Promise.all(couples.map(async ({ a }) => ({ token: a.token, board: (await api.me(a.token)).board! })));
    const probe = await openProbe(api);
    try {
      const heapBefore = (await probe.metrics()).heapUsedMiB;
      const urls = await Promise.all(attackers.map(({ token, board }) => freshUrl(token, board)));
      const attack = launchAttack<BoardUpdatesResult>({ kind: 'boardUpdates', urls, shape: 'nested', roundsPerUrl: 1, durationMs: 5_000, perSecond: Number(process.env.ATTACK_RATE ?? 10) });
      await attack.running;
      const figures = await probe.during(attack.done);
      const result = await attack.done;
      const heapAfter = (await probe.metrics()).heapUsedMiB;
      console.log(summarise('maps inside entries (attack 2), 2 attackers, 5 s', figures), JSON.stringify(result), `/api/metrics heap ${heapBefore} → ${heapAfter} MiB`);

      expect(result.bytes).toBeGreaterThan(800_000);
      expect(result.sent).toBeGreaterThanOrEqual(50);
      expect(result.closes).toEqual({ [CLOSE_CODES.schemaViolation]: result.sent });
      expect(figures.heapGrowthMiB).toBeLessThan(64);
      expect(heapAfter - heapBefore).toBeLessThan(64);
      expect(p99(figures.healthMs)).toBeLessThan(UNDER_MS);
      expect(p99(figures.typingMs)).toBeLessThan(UNDER_MS);
      for (const { board } of attackers) expect((await stored(board.docName)).bytes).toBeLessThan(1_024);
    } finally {
      probe.close();
    }
  });
});

describe('attack 3: a partner bricks the couple’s board', () => {
  it('[R43][R45] maps 20,000 deep, then a 10-byte delete of their root: refused (4422, then 4309: it deletes nothing the board has), never relayed; after unloading, the board loads, reviews, exports both ways and deletes', { timeout: 60_000 }, async () => {
    const { a, b } = await api.coupleInWorkshop(['Mallory', 'Ben']);
    const [meA, meB] = await Promise.all([api.me(a.token), api.me(b.token)]);
    const { nested, deleteRoot } = deepMaps();
    expect(nested.length).toBeGreaterThan(200_000); // ~243 KB as reported; varints of random client ids vary the size a little
    expect(deleteRoot.length).toBeLessThanOrEqual(12);

    const partner = rawBoardClient(await freshUrl(b.token, meB.board!));
    await partner.synced();
    expect(await sendOnce(await freshUrl(a.token, meA.board!), () => nested)).toBe(CLOSE_CODES.schemaViolation);
    expect(await sendOnce(await freshUrl(a.token, meA.board!), () => deleteRoot)).toBe(CLOSE_CODES.outOfStep);
    expect(changes(partner.heard)).toEqual([]);
    expect((await stored(meA.board!.docName)).bytes).toBeLessThan(1_024);

    // The control: what A may write reaches the partner's raw client at once.
    const phoneA = connectBoard(await freshBoard(a.token, meA.board!));
    await phoneA.synced();
    addEntry(phoneA.doc, { id: 'ok', exercise: 'bring-need', column: 'bring', author: 'a', createdAt: 1 }, 'still here');
    await eventually(() => expect(textsOf(partner.doc)).toEqual(['still here']));
    expect(changes(partner.heard).length).toBeGreaterThan(0);
    phoneA.destroy();
    partner.close();

    await eventually(() => expect(server.boards.liveCount).toBe(0));
    const again = connectBoard(await freshBoard(b.token, meB.board!));
    await again.synced();
    expect(textsOf(again.doc)).toEqual(['still here']);
    again.destroy();
    expect(await reviewExportDelete(meB)).toContain('still here');
  });

  it('[R43] a board an older release stored with junk roots, maps 20,000 deep and a dangling delete loads repaired and quickly; the store then holds the repair; review, exports and deletion work', { timeout: 90_000 }, async () => {
    const dataDir = tempDataDir();
    const seeded = await withServer({ dataDir, databaseUrl: null }, async ({ api: first }) => {
      const { a, b } = await first.coupleInWorkshop(['Ana', 'Ben']);
      return { a, b, docName: (await first.me(a.token)).board!.docName };
    });
    // What an older release, which stored every update unread, left behind.
    const legacy = openSqliteStore(dataDir);
    const entry = (id: string, author: 'a' | 'b', text: string) => oneTransaction((d) => addEntry(d, { id, exercise: 'bring-need', column: 'bring', author, createdAt: 1 }, text))!;
    const snapshotWithJunk = oneTransaction((d) => {
      addEntry(d, { id: 'snap', exercise: 'bring-need', column: 'need', author: 'a', createdAt: 1 }, 'from the snapshot');
      for (let i = 0; i < 1_000; i++) d.getMap(`junk${i}`).set('k', i);
    })!;
    const { nested, deleteRoot } = deepMaps();
    try {
      const upTo = await legacy.appendUpdate(seeded.docName, manyRoots());
      await legacy.compactDoc(seeded.docName, snapshotWithJunk, upTo);
      for (const update of [entry('kept-a', 'a', 'Ana kept'), nested, manyRoots(), deleteRoot, entry('kept-b', 'b', 'Ben kept')]) await legacy.appendUpdate(seeded.docName, update);
    } finally {
      await legacy.close();
    }
    const legacyStore = openSqliteStore(dataDir);
    const legacyDoc = await legacyStore.loadDoc(seeded.docName);
    await legacyStore.close();
    const legacyRows = legacyDoc.updates.length;
    const legacyBytes = (legacyDoc.snapshot?.length ?? 0) + legacyDoc.updates.reduce((n, u) => n + u.length, 0);

    await withServer({ dataDir, databaseUrl: null }, async ({ server: second, api: again }) => {
      const [meA, meB] = await Promise.all([again.me(seeded.a.token), again.me(seeded.b.token)]);
      const started = performance.now();
      const phone = connectBoard(meB.board!);
      await phone.synced();
      const loadMs = performance.now() - started;
      console.log(`legacy board (1,000 junk roots in its snapshot; 70,000 junk roots, maps 20,000 deep and a dangling delete in its log): loaded in ${Math.round(loadMs)} ms`);
      expect(loadMs).toBeLessThan(3_000);
      expect(textsOf(phone.doc)).toEqual(['Ana kept', 'Ben kept', 'from the snapshot']);
      expect([...phone.doc.share.keys()].filter((root) => !BOARD_ROOTS.has(root))).toEqual([]);
      phone.destroy();

      // The repair replaced the rows it read with one snapshot that keeps the schema; what follows it is the phone's sync.
      const repaired = await stored(seeded.docName, second);
      console.log(`legacy board: ${legacyBytes} bytes stored in ${legacyRows} rows, ${repaired.bytes} bytes in a snapshot and ${repaired.rows} rows after the repair`);
      expect(repaired.bytes).toBeLessThan(10_000);
      const check = new Y.Doc();
      for (const u of [repaired.snapshot!, ...(await second.store.loadDoc(seeded.docName)).updates]) {
        expect(inspectUpdate(check, u, { seat: null, exercises: new Set(['bring-need']) })).toEqual({ ok: true });
        Y.applyUpdate(check, u);
      }
      expect(changes((await second.store.loadDoc(seeded.docName)).updates)).toEqual([]);
      expect(textsOf(repaired.replica())).toEqual(['Ana kept', 'Ben kept', 'from the snapshot']);

      const markdown = await reviewExportDelete(meA, again);
      expect(markdown).toContain('Ana kept');
      expect(markdown).toContain('Ben kept');
    });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('attack 4: a partner writes in the other’s name', () => {
  it('[R44][R45] entries in the partner’s name, rewriting or deleting the partner’s words, squatting the partner’s answer, deleting the partner’s words to come, writing under the partner’s client id, exercises and markers off the agenda: all refused; the export and the console show none of it', { timeout: 60_000 }, async () => {
    const { workshop, a, b } = await api.coupleInWorkshop(['Mallory', 'Ben']);
    const [meA, meB] = await Promise.all([api.me(a.token), api.me(b.token)]);
    const console_ = connectControl(server.url, hostAuth(workshop!.code, workshop!.hostKey));
    const ben = connectBoard(meB.board!);
    await ben.synced();
    ben.provider.awareness.setLocalState({ user: { name: 'Ben', seat: 'b' }, typing: null });
    const bensText = addEntry(ben.doc, { id: 'ben-1', exercise: 'bring-need', column: 'bring', author: 'b', createdAt: 1 }, 'I bring patience');
    const url = () => freshUrl(a.token, meA.board!);
    await eventually(async () => {
      const mallory = rawBoardClient(await url());
      await mallory.synced();
      mallory.close();
      expect(textsOf(mallory.doc)).toEqual(['I bring patience']);
    });
    const WORDS = 'I want to leave you';
    const theirText = (d: Y.Doc) => (d.getMap('entries').get('ben-1') as Y.Map<Y.Text>).get('text')!;
    const benId = ben.doc.clientID;

    const attempts: Record<string, (d: Y.Doc) => Uint8Array | null> = {
      'an entry with author b': (d) => oneTransaction(() => addEntry(d, { id: 'forged', exercise: 'bring-need', column: 'bring', author: 'b', createdAt: 2 }, WORDS), d),
      'rewriting B’s text': (d) => oneTransaction(() => theirText(d).insert(0, WORDS), d),
      'deleting B’s text': (d) => oneTransaction(() => theirText(d).delete(0, 3), d),
      'deleting B’s entry': (d) => oneTransaction(() => d.getMap('entries').delete('ben-1'), d),
      'B’s answer id': (d) => oneTransaction(() => addEntry(d, { id: 'bring-need~bring~b', exercise: 'bring-need', column: 'bring', author: 'a', createdAt: 2 }, WORDS), d),
      'an exercise not on the agenda': (d) => oneTransaction(() => addEntry(d, { id: 'smuggle', exercise: 'SMUGGLED-TO-THE-CONSOLE', column: 'bring', author: 'a', createdAt: 2 }, 'x'), d),
      'a marker not on the agenda': (d) => oneTransaction(() => setMarker(d, 'smuggled-to-the-console', 'money', 'a', 0.5), d),
      'B’s client id': () => rawStructsAndDeletions([{ client: benId, clock: Y.getState(ben.doc.store, benId), len: 50 }], []),
      'B’s words to come': () => rawStructsAndDeletions([], [{ client: benId, clock: Y.getState(ben.doc.store, benId), len: 1_000 }]),
    };
    const outcomes: Record<string, number | 'open'> = {};
    for (const [name, attempt] of Object.entries(attempts)) outcomes[name] = await sendOnce(await url(), attempt);
    expect(outcomes).toEqual({
      'an entry with author b': CLOSE_CODES.schemaViolation,
      'rewriting B’s text': CLOSE_CODES.schemaViolation,
      'deleting B’s text': CLOSE_CODES.schemaViolation,
      'deleting B’s entry': CLOSE_CODES.schemaViolation,
      'B’s answer id': CLOSE_CODES.schemaViolation,
      'an exercise not on the agenda': CLOSE_CODES.schemaViolation,
      'a marker not on the agenda': CLOSE_CODES.schemaViolation,
      'B’s client id': CLOSE_CODES.schemaViolation,
      'B’s words to come': CLOSE_CODES.outOfStep,
    });
    // The control: A's own entry, marker and typing through the same crafted client are kept.
    expect(await sendOnce(await url(), (d) => oneTransaction(() => addEntry(d, { id: 'mine', exercise: 'bring-need', column: 'need', author: 'a', createdAt: 3 }, 'Mallory’s own'), d))).toBe('open');
    expect(await sendOnce(await url(), (d) => oneTransaction(() => setMarker(d, 'spectrum', 'money', 'a', 0.5), d))).toBe('open');

    // Ben keeps typing; his words arrive whole (nothing waits in the board to delete or hide them).
    bensText.insert(bensText.length, ' and calm');
    await eventually(async () => {
      const r = rawBoardClient(await url());
      await r.synced();
      r.close();
      expect(theirText(r.doc).toString()).toBe('I bring patience and calm');
    });

    // A's presence in Ben's name never reaches him; A's own does (the control).
    const seenByBen: { user?: { seat?: string } }[] = [];
    ben.provider.awareness.on('change', () => {
      for (const [id, state] of ben.provider.awareness.getStates()) if (id !== benId) seenByBen.push(state);
    });
    const forger = rawBoardClient(await url());
    await forger.synced();
    const presence = new awarenessProtocol.Awareness(forger.doc);
    const announce = async (state: object) => {
      presence.setLocalState(state);
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(presence, [forger.doc.clientID]));
      await forger.sendRaw(encoding.toUint8Array(e));
    };
    await announce({ user: { name: 'Ben', seat: 'b' }, typing: 'ben-1' });
    await announce({ user: { name: 'Mallory', seat: 'a' }, typing: 'mine' });
    await eventually(() => expect(seenByBen).toContainEqual({ user: { name: 'Mallory', seat: 'a' }, typing: 'mine' }));
    expect(seenByBen.filter((s) => s.user?.seat === 'b')).toEqual([]);
    presence.destroy();
    forger.close();

    // The console counts agenda items only; B's Markdown export has none of A's words in his name.
    await eventually(() => {
      const counts = console_.latest.snapshot?.couples.find((c) => c.members.some((m) => m.name === 'Ben'))?.entriesByItem;
      expect(counts).toEqual({ 'bring-need': 2, spectrum: 1 });
    });
    const md = await (await fetch(`${meB.reviewUrl}/export.md`)).text();
    expect(md).toContain('I bring patience and calm');
    expect(md).not.toContain(WORDS);
    expect(md).not.toContain('SMUGGLED');
    console_.close();
    ben.destroy();
  });
});
