import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_FILE } from './sqliteFile';

/** The largest step better-sqlite3 takes (it clamps to 2^31 - 1): more pages than any database has. */
const ALL_PAGES = 0x7fffffff;

export interface BackupResult {
  source: string;
  out: string;
  bytes: number;
  pages: number;
  schemaVersion: number;
  /** Time of the copy itself (the online backup's one step), not of opening or checking. */
  copyMs: number;
}

/**
 * A consistent copy of the SQLite store while the server runs and writes: SQLite's online
 * backup API (better-sqlite3's `db.backup()`), never a file copy, which could catch the database
 * file between a WAL checkpoint's writes and miss whatever is still only in the WAL.
 *
 * The store is opened read-only, beside the server's connection (WAL mode: a reader never blocks
 * the writer, nor the writer the reader). All pages are copied in one step, so one read
 * transaction sees one moment of the database: copied in many small steps, the backup would
 * start again after every write of the server, and under typing never end.
 *
 * The copy goes to `<out>.partial` first; it is switched to the rollback journal (one
 * self-contained file, no -wal beside it), checked (`quick_check`), flushed to disk, then renamed
 * to `out`, so `out` is either the previous file or a complete, checked backup.
 */
export async function backupSqlite(dataDir: string, out: string): Promise<BackupResult> {
  const source = path.join(dataDir, SQLITE_FILE);
  if (!fs.existsSync(source)) throw new Error(`There is no SQLite store at ${source} (check DATA_DIR).`);
  const target = path.resolve(out);
  if (target === source) throw new Error('The backup must not be written over the store itself.');
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });

  const db = new Database(source, { readonly: true, fileMustExist: true });
  let copyMs: number;
  let pages: number;
  try {
    db.pragma('busy_timeout = 5000');
    const started = performance.now();
    // better-sqlite3's first step copies nothing; the answer asks for every page in the next one (a
    // count, not the size read now: the database may grow in between, and a second step could restart).
    const progress = await db.backup(partial, { progress: () => ALL_PAGES });
    copyMs = performance.now() - started;
    pages = progress.totalPages;
  } finally {
    db.close();
  }

  let schemaVersion: number;
  try {
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`the copy does not pass quick_check: ${String(check)}`);
      schemaVersion = (copy.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
    } finally {
      copy.close();
    }
    const fd = fs.openSync(partial, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(partial, target);
    const dir = fs.openSync(path.dirname(target), 'r'); // the rename itself, durable
    fs.fsyncSync(dir);
    fs.closeSync(dir);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  return { source, out: target, bytes: fs.statSync(target).size, pages, schemaVersion, copyMs };
}
