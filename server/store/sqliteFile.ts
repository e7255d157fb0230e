import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Log } from '../infra/log';
import { migrateSqlite, recordedVersion } from './migrateSqlite';
import { LATEST_SCHEMA_VERSION, refuseNewerSchema } from './migrations';
import { startWalCheckpointer } from './walCheckpointer';

/** The store's file in DATA_DIR; a backup restored there takes this name. */
export const SQLITE_FILE = 'twofold.sqlite';

/**
 * Opens (or creates) `<dataDir>/twofold.sqlite` for the store, at the latest schema. A database
 * written by a newer release is refused before anything is written to it; any other failure to
 * open names the file.
 */
export function openSqliteFile(dataDir: string, log: Pick<Log, 'error'>): { db: Database.Database; checkpointer: ReturnType<typeof startWalCheckpointer> } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, SQLITE_FILE);
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    refuseNewerSchema(recordedVersion(db), LATEST_SCHEMA_VERSION);
    // Deletion must really delete ([R35]): freed content is overwritten with zeros, and free pages can be
    // given back to the file system (auto_vacuum takes effect only on a new database, before any table).
    db.pragma('auto_vacuum = INCREMENTAL');
    db.pragma('secure_delete = ON');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrateSqlite(db);
    db.pragma('foreign_keys = ON');
  } catch (err) {
    db.close();
    throw new Error(`Cannot open the SQLite store at ${file}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  // Checkpoints run on a worker thread (see walCheckpointer.ts), not inside an append.
  db.pragma('wal_autocheckpoint = 0');
  db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  const checkpointer = startWalCheckpointer(file, {
    thresholdBytes: 4 * 1024 * 1024,
    intervalMs: 250,
    log,
    onFailure: () => {
      if (db.open) db.pragma('wal_autocheckpoint = 1000');
    },
  });
  return { db, checkpointer };
}
