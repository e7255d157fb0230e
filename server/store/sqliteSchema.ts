/** Schema of the embedded store. `user_version` marks what has been applied. */
export const SQLITE_MIGRATIONS: string[] = [
  `
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
  `,
  // 2: the update log without AUTOINCREMENT. AUTOINCREMENT rewrote sqlite_sequence on every
  // append (one more page into the WAL per keystroke). Plain rowids are still increasing within
  // a doc: a new row takes max(rowid) + 1, above every row that exists, and compaction only
  // deletes rows its snapshot covers.
  `
  CREATE TABLE doc_updates_v2 (
    id INTEGER PRIMARY KEY,
    doc_name TEXT NOT NULL,
    data BLOB NOT NULL
  );
  INSERT INTO doc_updates_v2 (id, doc_name, data) SELECT id, doc_name, data FROM doc_updates;
  DROP TABLE doc_updates;
  ALTER TABLE doc_updates_v2 RENAME TO doc_updates;
  CREATE INDEX doc_updates_by_doc ON doc_updates(doc_name, id);
  DELETE FROM sqlite_sequence WHERE name = 'doc_updates';
  `,
];
