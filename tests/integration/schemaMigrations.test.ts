import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { migratePg, recordedVersion as pgVersion } from '../../server/store/migratePg';
import { migrateSqlite, recordedVersion as sqliteVersion } from '../../server/store/migrateSqlite';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../server/store/migrations';
import { openPgStore } from '../../server/store/pgStore';
import { openSqliteStore } from '../../server/store/sqliteStore';
import { tempDataDir } from '../helpers/server';
import { startServerProcess } from '../helpers/serverProcess';
import { postgresBinDir } from '../helpers/services';
import { quietLog } from '../helpers/storeFixtures';
import { createTestDatabase } from '../helpers/testDatabase';

const NEXT = LATEST_SCHEMA_VERSION + 1;
/** A migration this release does not have: what a later release would have applied. */
const later = (extra: Partial<Migration> = {}): Migration => ({
  version: NEXT,
  name: 'from_a_later_release',
  sqlite: 'CREATE TABLE later_table (x INTEGER)',
  postgres: 'CREATE TABLE later_table (x INTEGER)',
  ...extra,
});
const NEWER = new RegExp(`schema version ${NEXT}, but this release of Twofold knows versions up to ${LATEST_SCHEMA_VERSION}.*Nothing was changed`);

const pools: pg.Pool[] = [];
afterAll(async () => {
  for (const p of pools) await p.end();
});
const poolFor = (url: string) => {
  const pool = new pg.Pool({ connectionString: url });
  pools.push(pool);
  return pool;
};
const tableExists = async (pool: pg.Pool, name: string) => (await pool.query('SELECT to_regclass($1)::text AS t', [name])).rows[0].t !== null;

/** The whole database as pg_dump writes it, without the random \restrict key of each run. */
async function dump(url: string): Promise<string> {
  const { stdout } = await promisify(execFile)(path.join(postgresBinDir(), 'pg_dump'), ['--no-owner', url], { maxBuffer: 16 << 20 });
  return stdout.replace(/^\\(un)?restrict .*$/gm, '');
}
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('[R46] a database newer than the code (a rollback)', () => {
  it('SQLite: openStore and the server process refuse it, naming both versions, and the file is unchanged', async () => {
    const dir = tempDataDir();
    const file = path.join(dir, 'twofold.sqlite');
    await openSqliteStore(dir).close();
    const db = new Database(file);
    migrateSqlite(db, [...MIGRATIONS, later()]);
    expect(sqliteVersion(db)).toBe(NEXT);
    db.close();
    const before = sha(file);

    expect(() => openSqliteStore(dir)).toThrow(NEWER);
    expect(() => openSqliteStore(dir)).toThrow(`Cannot open the SQLite store at ${file}`);
    const started = startServerProcess({ DATA_DIR: dir });
    await expect(started).rejects.toThrow(/server exited \(1\) before listening/);
    await expect(started).rejects.toThrow(NEWER);

    expect(sha(file)).toBe(before);
    const after = new Database(file, { readonly: true });
    expect(sqliteVersion(after)).toBe(NEXT);
    after.close();
  });

  it('PostgreSQL: openStore refuses it, naming both versions, and the database is unchanged', async () => {
    const url = await createTestDatabase();
    await (await openPgStore(url, quietLog)).close();
    await migratePg(poolFor(url), [...MIGRATIONS, later()]);
    const before = await dump(url);
    expect(before).toContain('later_table');

    await expect(openPgStore(url, quietLog)).rejects.toThrow(NEWER);
    await expect(openPgStore(url, quietLog)).rejects.toThrow(/Cannot open the PostgreSQL store at 127\.0\.0\.1:\d+\/twofold_\w+: /);
    expect(await dump(url)).toBe(before);
    expect(await pgVersion(poolFor(url))).toBe(NEXT);
  });
});

describe('each migration in its own transaction', () => {
  it('SQLite: a failing migration leaves nothing behind and is not recorded; the next start tries again', async () => {
    const dir = tempDataDir();
    await openSqliteStore(dir).close();
    const db = new Database(path.join(dir, 'twofold.sqlite'));
    const failing = later({ sqlite: 'CREATE TABLE later_table (x INTEGER); INSERT INTO no_such_table VALUES (1)' });
    expect(() => migrateSqlite(db, [...MIGRATIONS, failing])).toThrow(/no such table: no_such_table/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'later_table'").all()).toEqual([]);
    expect(sqliteVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    // A rebuild that would orphan rows is refused before its commit (foreign keys are checked, not cascaded).
    db.prepare("INSERT INTO workshops (code, title, host_key_hash, agenda, state, retention_days, created_at, expires_at) VALUES ('W', 't', 'h', '[]', '{}', 30, 0, 0)").run();
    db.prepare("INSERT INTO couples (id, workshop_code, pair_code, created_at) VALUES ('c', 'W', 'P', 0)").run();
    expect(() => migrateSqlite(db, [...MIGRATIONS, later({ sqlite: "DELETE FROM workshops WHERE code = 'W'" })])).toThrow(/dangling foreign key/);
    expect(db.prepare('SELECT count(*) AS n FROM workshops').get()).toEqual({ n: 1 });
    migrateSqlite(db, [...MIGRATIONS, later()]);
    expect(sqliteVersion(db)).toBe(NEXT);
    db.close();
  });

  it('PostgreSQL: a failing migration leaves nothing behind and is not recorded', async () => {
    const url = await createTestDatabase();
    const pool = poolFor(url);
    await migratePg(pool);
    const failing = later({ postgres: 'CREATE TABLE later_table (x INTEGER); INSERT INTO no_such_table VALUES (1)' });
    await expect(migratePg(pool, [...MIGRATIONS, failing])).rejects.toThrow(/relation "no_such_table" does not exist/);
    expect(await tableExists(pool, 'later_table')).toBe(false);
    expect(await pgVersion(pool)).toBe(LATEST_SCHEMA_VERSION);
    // The failed run gave its lock back: the next one runs.
    await migratePg(pool, [...MIGRATIONS, later()]);
    expect(await pgVersion(pool)).toBe(NEXT);
  });
});

describe('[R46] several nodes starting at once', () => {
  it('PostgreSQL: one node migrates while the others wait; each migration is applied and recorded once', async () => {
    const url = await createTestDatabase();
    // A slow migration: without the lock, every node would see it pending and run it (the second CREATE TABLE fails).
    const slow = later({ postgres: 'SELECT pg_sleep(0.3); CREATE TABLE later_table (x INTEGER)' });
    const nodes = Array.from({ length: 4 }, () => poolFor(url));
    await Promise.all(nodes.map((pool) => migratePg(pool, [...MIGRATIONS, slow])));
    const { rows } = await nodes[0].query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual([...MIGRATIONS.map((m) => m.version), NEXT]);
  });

  it('SQLite: processes migrating one new file together wait for each other; each migration is applied and recorded once', async () => {
    const dir = tempDataDir();
    const file = path.join(dir, 'twofold.sqlite');
    // Each process says it is ready, waits for the word, then runs the migrations plus a slow one
    // (without the write lock taken up front, two would both find it pending and one would fail).
    const script = `
      import fs from 'node:fs';
      import Database from 'better-sqlite3';
      import { migrateSqlite } from './server/store/migrateSqlite.ts';
      import { MIGRATIONS } from './server/store/migrations/index.ts';
      const dir = ${JSON.stringify(dir)};
      fs.writeFileSync(dir + '/ready-' + process.pid, '');
      while (!fs.existsSync(dir + '/go')) await new Promise((r) => setTimeout(r, 2));
      const db = new Database(dir + '/twofold.sqlite');
      db.pragma('busy_timeout = 5000');
      const slow = (db) => { const end = Date.now() + 200; while (Date.now() < end); db.exec('CREATE TABLE later_table (x)'); };
      migrateSqlite(db, [...MIGRATIONS, { version: ${NEXT}, name: 'slow', sqlite: slow, postgres: '' }]);
      db.close();`;
    const run = promisify(execFile);
    const children = Array.from({ length: 3 }, () => run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: path.resolve(import.meta.dirname, '../..') }));
    await vi.waitFor(() => expect(fs.readdirSync(dir).filter((f) => f.startsWith('ready-'))).toHaveLength(3), { timeout: 15_000, interval: 10 });
    fs.writeFileSync(path.join(dir, 'go'), '');
    await Promise.all(children);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual([...MIGRATIONS.map((m) => m.version), NEXT].map((version) => ({ version })));
    db.close();
  });

  it('PostgreSQL: stores opened together on a new database all work', async () => {
    const url = await createTestDatabase();
    const stores = await Promise.all(Array.from({ length: 4 }, () => openPgStore(url, quietLog)));
    try {
      expect(await pgVersion(poolFor(url))).toBe(LATEST_SCHEMA_VERSION);
      expect(await Promise.all(stores.map((s) => s.getWorkshop('NONE')))).toEqual([null, null, null, null]);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
