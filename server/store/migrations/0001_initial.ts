import type Database from 'better-sqlite3';
import type { Migration } from './index';

/**
 * 1: the schema of the last release before migrations, as it was. A database that release
 * wrote already has it: SQLite marks it with user_version ≥ 1, PostgreSQL has every table
 * (its statements are IF NOT EXISTS), so on such a database this migration changes nothing
 * and is only recorded.
 *
 * SQLite: user_version 2 is a short-lived variant of the same schema (commits 80c067e to
 * 3346bda: the update log without AUTOINCREMENT, so ids may be reused once a doc's log is
 * empty); that release opened it as it is, and so does this migration.
 *
 * PostgreSQL: the same tables and columns as SQLite's, so the record mappers in records.ts
 * serve both.
 * - Epoch milliseconds are BIGINT; the pool parses int8 as a JS number (safe below 2^53).
 * - Agenda, state and counts stay JSON text, parsed by the same mappers as SQLite's.
 * - Doc names use the "C" collation: a couple's docs are deleted by a range on the name
 *   ('private.<id>.' up to 'private.<id>/'), which only works with byte order; a linguistic
 *   collation may ignore punctuation. It also lets the primary-key index serve the range.
 * - doc_updates.id is BIGSERIAL (sequence CACHE 1: handed out in increasing order across
 *   sessions) and orders a doc's log. Ids become visible at COMMIT, not in id order, so
 *   compaction does not trust "everything ≤ id is known" (see pgDocs.ts).
 */
const SQLITE_SCHEMA = `
  CREATE TABLE workshops (
    code TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    host_key_hash TEXT NOT NULL,
    agenda TEXT NOT NULL,
    state TEXT NOT NULL,
    retention_days INTEGER NOT NULL,
    peak_online INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    -- When everything of this workshop is deleted: retention after the end (see WorkshopService).
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX workshops_by_expiry ON workshops(expires_at);
  CREATE TABLE couples (
    id TEXT PRIMARY KEY,
    workshop_code TEXT NOT NULL REFERENCES workshops(code) ON DELETE CASCADE,
    pair_code TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_activity_at INTEGER,
    UNIQUE (workshop_code, pair_code)
  );
  CREATE TABLE participants (
    id TEXT PRIMARY KEY,
    workshop_code TEXT NOT NULL REFERENCES workshops(code) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    review_hash TEXT NOT NULL UNIQUE,
    couple_id TEXT REFERENCES couples(id) ON DELETE SET NULL,
    seat TEXT CHECK (seat IN ('a', 'b')),
    created_at INTEGER NOT NULL,
    UNIQUE (couple_id, seat)
  );
  CREATE INDEX participants_by_workshop ON participants(workshop_code);
  CREATE INDEX participants_by_couple ON participants(couple_id);
  CREATE INDEX couples_by_workshop ON couples(workshop_code);
  CREATE TABLE doc_stats (
    doc_name TEXT PRIMARY KEY,
    couple_id TEXT NOT NULL REFERENCES couples(id) ON DELETE CASCADE,
    counts TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX doc_stats_by_couple ON doc_stats(couple_id);
  CREATE TABLE wall_items (
    id TEXT PRIMARY KEY,
    workshop_code TEXT NOT NULL REFERENCES workshops(code) ON DELETE CASCADE,
    couple_id TEXT NOT NULL REFERENCES couples(id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    entry_ref TEXT NOT NULL,
    text TEXT NOT NULL,
    proposed_by TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX wall_items_by_workshop ON wall_items(workshop_code, created_at);
  CREATE TABLE doc_updates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_name TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX doc_updates_by_doc ON doc_updates(doc_name, id);
  CREATE TABLE doc_snapshots (
    doc_name TEXT PRIMARY KEY,
    data BLOB NOT NULL
  );
  `;

const POSTGRES_SCHEMA = `
  CREATE TABLE IF NOT EXISTS workshops (
    code TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    host_key_hash TEXT NOT NULL,
    agenda TEXT NOT NULL,
    state TEXT NOT NULL,
    retention_days INTEGER NOT NULL,
    peak_online INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS workshops_by_expiry ON workshops (expires_at);
  CREATE TABLE IF NOT EXISTS couples (
    id TEXT PRIMARY KEY,
    workshop_code TEXT NOT NULL REFERENCES workshops (code) ON DELETE CASCADE,
    pair_code TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_activity_at BIGINT,
    UNIQUE (workshop_code, pair_code)
  );
  CREATE TABLE IF NOT EXISTS participants (
    id TEXT PRIMARY KEY,
    workshop_code TEXT NOT NULL REFERENCES workshops (code) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    review_hash TEXT NOT NULL UNIQUE,
    -- As in SQLite, deleting a couple frees the seat by clearing couple_id only.
    couple_id TEXT REFERENCES couples (id) ON DELETE SET NULL,
    seat TEXT CHECK (seat IN ('a', 'b')),
    created_at BIGINT NOT NULL,
    -- The last line of defence against two people in one seat, whatever the code does.
    UNIQUE (couple_id, seat)
  );
  CREATE INDEX IF NOT EXISTS participants_by_workshop ON participants (workshop_code);
  CREATE INDEX IF NOT EXISTS participants_by_couple ON participants (couple_id);
  CREATE INDEX IF NOT EXISTS couples_by_workshop ON couples (workshop_code);
  CREATE TABLE IF NOT EXISTS doc_stats (
    doc_name TEXT COLLATE "C" PRIMARY KEY,
    couple_id TEXT NOT NULL REFERENCES couples (id) ON DELETE CASCADE,
    counts TEXT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS doc_stats_by_couple ON doc_stats (couple_id);
  CREATE TABLE IF NOT EXISTS wall_items (
    id TEXT PRIMARY KEY,
    workshop_code TEXT NOT NULL REFERENCES workshops (code) ON DELETE CASCADE,
    couple_id TEXT NOT NULL REFERENCES couples (id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    entry_ref TEXT NOT NULL,
    text TEXT NOT NULL,
    proposed_by TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS wall_items_by_workshop ON wall_items (workshop_code, created_at);
  CREATE INDEX IF NOT EXISTS wall_items_by_couple ON wall_items (couple_id);
  CREATE TABLE IF NOT EXISTS doc_updates (
    id BIGSERIAL PRIMARY KEY,
    doc_name TEXT COLLATE "C" NOT NULL,
    data BYTEA NOT NULL
  );
  CREATE INDEX IF NOT EXISTS doc_updates_by_doc ON doc_updates (doc_name, id);
  CREATE TABLE IF NOT EXISTS doc_snapshots (
    doc_name TEXT COLLATE "C" PRIMARY KEY,
    data BYTEA NOT NULL
  );
`;

export const initial: Migration = {
  version: 1,
  name: 'initial',
  sqlite(db: Database.Database) {
    if ((db.pragma('user_version', { simple: true }) as number) >= 1) return;
    db.exec(SQLITE_SCHEMA);
    // What that release wrote, so that it (which reads only user_version) still opens a database at version 1.
    db.pragma('user_version = 1');
  },
  postgres: POSTGRES_SCHEMA,
};
