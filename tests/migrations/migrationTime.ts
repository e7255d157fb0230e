/**
 * How long the migrations take on a database of 1,000 workshops, for both stores:
 *
 *   npm run migrate:time [-- --workshops 1000]
 *
 * Each database is filled through the store (4 people and 2 couples per workshop, each couple
 * with a board of a snapshot and 20 updates, two private docs of 5 updates, stats and a wall
 * entry), then made to look like one of the last release before migrations (its schema is
 * migration 1; only the record is dropped), and opened again: the time of that open is the
 * upgrade a deployment waits for at start. A second open shows the cost when there is nothing
 * to do. Not part of CI (filling PostgreSQL takes a while).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import * as Y from 'yjs';
import { buildAgenda } from '../../lib/catalogue/agenda';
import { initialWorkshopState } from '../../lib/workshop/state';
import type { Log } from '../../server/infra/log';
import { LATEST_SCHEMA_VERSION } from '../../server/store/migrations';
import { openPgStore } from '../../server/store/pgStore';
import { openSqliteStore } from '../../server/store/sqliteStore';
import type { Store } from '../../server/store/storeTypes';
import { startPostgres } from '../helpers/services';

const quiet: Log = { error: () => {}, info: () => {}, debug: () => {} };
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const WORKSHOPS = arg('workshops', 1_000);
const id = () => randomBytes(16).toString('base64url');
const T = 1_800_000_000_000;

/** A doc's log as a board writes it: one update per keystroke. */
function typing(n: number, words: string): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  const text = doc.getText('t');
  for (let i = 0; i < n; i++) text.insert(text.length, `${words} ${i} `);
  return out;
}
const SNAPSHOT = (() => {
  const doc = new Y.Doc();
  for (const u of typing(200, 'what I bring, what I need')) Y.applyUpdate(doc, u);
  return Y.encodeStateAsUpdate(doc);
})();
const BOARD_LOG = typing(20, 'later');
const PRIVATE_LOG = typing(5, 'private');

async function fillWorkshop(store: Store, n: number): Promise<void> {
  const code = `W${String(n).padStart(7, '0')}`;
  await store.createWorkshop({ code, title: `Workshop ${n}`, hostKeyHash: id(), agenda: buildAgenda(), state: initialWorkshopState(), retentionDays: 30, locale: 'en', peakOnline: 4, createdAt: T, expiresAt: T + 31 * 86_400_000 });
  for (let c = 0; c < 2; c++) {
    const people = [id(), id()] as [string, string];
    for (const p of people) await store.createParticipant({ id: p, workshopCode: code, name: 'Ana', tokenHash: id(), reviewHash: id(), coupleId: null, seat: null, createdAt: T });
    const couple = { id: id(), workshopCode: code, pairCode: `P${n}C${c}`, createdAt: T, lastActivityAt: T };
    await store.pairParticipants(couple, people);
    const board = `board.${couple.id}`;
    await store.compactDoc(board, SNAPSHOT, 0);
    for (const u of BOARD_LOG) await store.appendUpdate(board, u);
    for (const seat of ['a', 'b']) for (const u of PRIVATE_LOG) await store.appendUpdate(`private.${couple.id}.support.${seat}`, u);
    await store.recordDocStats({ docName: board, coupleId: couple.id, counts: { 'bring-need': 4 }, updatedAt: T });
    await store.createWallItem({ id: id(), workshopCode: code, coupleId: couple.id, itemKey: 'bring-need', entryRef: id(), text: 'We laugh at the same things', proposedBy: 'a', status: 'approved', createdAt: T, updatedAt: T });
  }
}

async function fill(store: Store): Promise<void> {
  const inParallel = 16; // PostgreSQL fills faster over several connections; SQLite does not mind
  for (let n = 0; n < WORKSHOPS; n += inParallel) {
    await Promise.all(Array.from({ length: Math.min(inParallel, WORKSHOPS - n) }, (_, i) => fillWorkshop(store, n + i)));
  }
}

async function timed(open: () => Promise<Store>): Promise<number> {
  const started = performance.now();
  const store = await open();
  const ms = performance.now() - started;
  await store.close();
  return ms;
}

async function measure(name: string, open: () => Promise<Store>, forget: () => Promise<void>, size: () => Promise<string>): Promise<void> {
  const filling = performance.now();
  const store = await open();
  await fill(store);
  await store.close();
  const filled = ((performance.now() - filling) / 1000).toFixed(1);
  await forget();
  const upgrade = await timed(open);
  const again = await timed(open);
  console.log(
    `${name}: ${WORKSHOPS} workshops (${await size()}, filled in ${filled} s): migrating from release 1 to version ${LATEST_SCHEMA_VERSION} ` +
      `took ${upgrade.toFixed(0)} ms at open; an open with nothing to migrate ${again.toFixed(0)} ms`,
  );
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twofold-migrate-time-'));
  const file = path.join(dir, 'twofold.sqlite');
  try {
    await measure(
      'SQLite',
      async () => openSqliteStore(dir, quiet),
      async () => {
        const db = new Database(file);
        db.exec('DROP TABLE schema_migrations');
        db.close();
      },
      async () => `${(fs.statSync(file).size / 1e6).toFixed(1)} MB`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const postgres = await startPostgres();
  try {
    const url = await postgres.createDatabase();
    const sql = async (text: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(text)).rows;
      } finally {
        await client.end();
      }
    };
    await measure(
      'PostgreSQL',
      () => openPgStore(url, quiet),
      async () => void (await sql('DROP TABLE schema_migrations')),
      async () => (await sql('SELECT pg_size_pretty(pg_database_size(current_database())) AS s'))[0].s as string,
    );
  } finally {
    await postgres.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
