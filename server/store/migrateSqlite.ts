import type Database from 'better-sqlite3';
import { MIGRATIONS, MIGRATIONS_TABLE, refuseNewerSchema, type Migration } from './migrations';

/**
 * Brings an SQLite store to the latest schema, one migration per transaction, each recorded in
 * `schema_migrations` in the same transaction. The transactions are IMMEDIATE (they take the
 * write lock before reading the record), so a second process opening the same file waits
 * (busy_timeout) and then finds the work done.
 *
 * Foreign keys are off while migrations run (better-sqlite3 turns them on by default): rebuilding
 * a table, SQLite's way to change a column, must not cascade deletes. They are checked before
 * each commit instead.
 */
export function migrateSqlite(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  const step = db.transaction((): boolean => {
    db.exec(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
    const current = recordedVersion(db);
    refuseNewerSchema(current, migrations.length);
    const next = migrations[current];
    if (!next) return false;
    if (typeof next.sqlite === 'string') db.exec(next.sqlite);
    else next.sqlite(db);
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`migration ${next.version} (${next.name}) leaves ${broken.length} rows with a dangling foreign key`);
    // The database's clock, not the server's: this is a fact about the file.
    db.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (version, name, applied_at) VALUES (?, ?, CAST(unixepoch('subsec') * 1000 AS INTEGER))`).run(
      next.version,
      next.name,
    );
    return true;
  });
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF'); // a no-op inside a transaction, so set here
  try {
    while (step.immediate()) {
      // one migration per round
    }
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
}

/** The newest version recorded; 0 when none is (a new file, or one of the last release before migrations). */
export function recordedVersion(db: Database.Database): number {
  const exists = db.prepare('SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?').get('table', MIGRATIONS_TABLE);
  if (!exists) return 0;
  const row = db.prepare(`SELECT MAX(version) AS version FROM ${MIGRATIONS_TABLE}`).get() as { version: number | null };
  return row.version ?? 0;
}
