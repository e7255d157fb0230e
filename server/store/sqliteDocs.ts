import type Database from 'better-sqlite3';
import type { Store, StoredDoc } from './storeTypes';

type DocMethods = Pick<Store, 'loadDoc' | 'appendUpdate' | 'appendUpdatesNow' | 'compactDoc' | 'lastUpdateId' | 'ping'>;

/**
 * Board docs in SQLite: an append-only log of Yjs updates per doc, folded into one snapshot
 * from time to time. Writes are synchronous: an append is in the WAL when the call returns.
 *
 * Compaction trusts its caller's bound, unlike PostgreSQL's (pgDocs.ts): one process writes
 * this file, and its board compacts up to the id of the newest row it has applied to the doc
 * it encodes (LiveBoard.compact), so every row up to that id is in the snapshot. What that needs
 * of the ids: a row appended later has a higher id than every row still in the table, which
 * AUTOINCREMENT gives, and so does a plain rowid (a database of the short-lived schema 2, see
 * migrations/0001_initial.ts).
 */
export function sqliteDocs(db: Database.Database): DocMethods {
  const q = {
    snapshot: db.prepare<[string], { data: Buffer }>('SELECT data FROM doc_snapshots WHERE doc_name = ?'),
    updates: db.prepare<[string], { id: number; data: Buffer }>('SELECT id, data FROM doc_updates WHERE doc_name = ? ORDER BY id'),
    appendUpdate: db.prepare('INSERT INTO doc_updates (doc_name, data) VALUES (?, ?)'),
    lastUpdateId: db.prepare<[string], { id: number | null }>('SELECT MAX(id) AS id FROM doc_updates WHERE doc_name = ?'),
    schemaVersion: db.prepare<[], { v: number }>('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations'),
    upsertSnapshot: db.prepare('INSERT INTO doc_snapshots (doc_name, data) VALUES (?, ?) ON CONFLICT(doc_name) DO UPDATE SET data = excluded.data'),
    deleteUpdatesUpTo: db.prepare('DELETE FROM doc_updates WHERE doc_name = ? AND id <= ?'),
  };

  const appendOne = (docName: string, update: Uint8Array): number => Number(q.appendUpdate.run(docName, update).lastInsertRowid);
  const appendInOne = db.transaction((rows: { docName: string; update: Uint8Array }[]) => rows.map((row) => appendOne(row.docName, row.update)));
  const compact = db.transaction((docName: string, snapshot: Uint8Array, upToId: number) => {
    q.upsertSnapshot.run(docName, snapshot);
    q.deleteUpdatesUpTo.run(docName, upToId);
  });

  return {
    async loadDoc(docName): Promise<StoredDoc> {
      const snap = q.snapshot.get(docName);
      const rows = q.updates.all(docName);
      return {
        snapshot: snap ? new Uint8Array(snap.data) : null,
        updates: rows.map((r) => new Uint8Array(r.data)),
        lastUpdateId: rows.length ? rows[rows.length - 1].id : 0,
      };
    },
    async appendUpdate(docName, update) {
      return appendOne(docName, update);
    },
    // Most turns of a quiet room carry one update: an insert on its own commits itself, without BEGIN and COMMIT around it.
    appendUpdatesNow: (rows) => (rows.length === 1 ? [appendOne(rows[0].docName, rows[0].update)] : appendInOne(rows)),
    async compactDoc(docName, snapshot, upToId) {
      compact(docName, snapshot, upToId);
    },
    /** A cheap read for readiness: the schema version. */
    async ping() {
      return q.schemaVersion.get()!.v;
    },
    async lastUpdateId(docName) {
      return q.lastUpdateId.get(docName)?.id ?? 0;
    },
  };
}
