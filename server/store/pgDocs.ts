import type pg from 'pg';
import * as Y from 'yjs';
import { inTransaction, lockName } from './pgPool';
import type { Store, StoredDoc } from './storeTypes';

type DocMethods = Pick<Store, 'loadDoc' | 'appendUpdate' | 'compactDoc' | 'lastUpdateId'>;

/**
 * Board docs in PostgreSQL: an append-only log of Yjs updates per doc, folded into one
 * snapshot from time to time.
 *
 * Why compaction here does more than SQLite's. The caller (LiveBoard.compact) reads
 * `lastUpdateId`, encodes its in-memory doc, then asks to replace every update with an
 * id ≤ upToId by that snapshot. In one process that is safe: every stored update is in the
 * doc before it is stored. With several nodes it is not:
 *   1. Node B appends update 105 and commits; node A has not received it yet (relays lag).
 *      A reads lastUpdateId = 105 and its snapshot lacks 105: deleting ≤ 105 would lose it.
 *   2. Ids are handed out at INSERT but become visible at COMMIT, so B's 105 can still be
 *      uncommitted while C's 106 is visible: an id read now says nothing about lower ids
 *      that appear later. A DELETE ≤ upToId run after 105 commits would take it with it.
 * Neither the caller's id nor its doc can be trusted to cover another node's writes, so the
 * store makes the replacement safe by itself: it deletes with `DELETE … RETURNING` and folds
 * exactly the rows that statement removed (plus the snapshot already stored, which another
 * node may have written) into the new snapshot, in the same transaction. A row the DELETE
 * does not see — uncommitted, or committed after the statement began — is not deleted and
 * stays in the log, so it is replayed on load and folded in at the next compaction. Nothing
 * can be deleted without being in the snapshot that replaces it. Appends take no lock at all.
 *
 * Compactions of one doc are serialized by an advisory lock: otherwise two nodes could each
 * read the old snapshot and the later commit would overwrite the rows the earlier one folded.
 *
 * The fold applies everything to a fresh Y.Doc and re-encodes it, so content deleted in the
 * board is garbage-collected as in the caller's own snapshot (Y.mergeUpdates would keep it).
 * It costs one decode of the board per compaction, which happens when the board is idle or
 * every few hundred updates, and is capped by the board size limit.
 */
/**
 * `foldAsync` does the fold of a compaction where it costs the event loop nothing (the boards'
 * state worker, server/boards/stateWorkers.ts): at a board's size limit it is hundreds of
 * milliseconds of Yjs. Without it the fold runs here.
 */
export function pgDocs(pool: pg.Pool, foldAsync: (updates: Uint8Array[]) => Promise<Uint8Array> = async (updates) => fold(updates)): DocMethods {
  return {
    async loadDoc(docName): Promise<StoredDoc> {
      // One statement, so one MVCC snapshot: read as two queries, a compaction committing in
      // between could move rows into a snapshot we had already read (and we would miss them).
      const { rows } = await pool.query<{ id: number | null; data: Buffer }>(
        `SELECT NULL::bigint AS id, data FROM doc_snapshots WHERE doc_name = $1
         UNION ALL
         SELECT id, data FROM doc_updates WHERE doc_name = $1
         ORDER BY id NULLS FIRST`,
        [docName],
      );
      const snapshotRow = rows.length > 0 && rows[0].id === null ? rows[0] : null;
      const updates = snapshotRow ? rows.slice(1) : rows;
      return {
        snapshot: snapshotRow ? new Uint8Array(snapshotRow.data) : null,
        updates: updates.map((r) => new Uint8Array(r.data)),
        lastUpdateId: updates.length ? (updates[updates.length - 1].id as number) : 0,
      };
    },

    async appendUpdate(docName, update) {
      // Autocommit: the promise resolves after COMMIT, which with synchronous_commit=on (set per
      // session in pgPool.ts) means the WAL record is flushed to disk.
      const { rows } = await pool.query<{ id: number }>('INSERT INTO doc_updates (doc_name, data) VALUES ($1, $2) RETURNING id', [docName, update]);
      return rows[0].id;
    },

    async compactDoc(docName, snapshot, upToId) {
      await inTransaction(pool, async (client) => {
        await lockName(client, `doc:${docName}`);
        const stored = await client.query<{ data: Buffer }>('SELECT data FROM doc_snapshots WHERE doc_name = $1', [docName]);
        const removed = await client.query<{ data: Buffer }>('DELETE FROM doc_updates WHERE doc_name = $1 AND id <= $2 RETURNING data', [
          docName,
          upToId,
        ]);
        const others = [...stored.rows, ...removed.rows].map((r) => new Uint8Array(r.data));
        const merged = others.length === 0 ? snapshot : await foldAsync([snapshot, ...others]);
        await client.query(
          'INSERT INTO doc_snapshots (doc_name, data) VALUES ($1, $2) ON CONFLICT (doc_name) DO UPDATE SET data = excluded.data',
          [docName, merged],
        );
      });
    },

    async lastUpdateId(docName) {
      const { rows } = await pool.query<{ id: number | null }>('SELECT MAX(id) AS id FROM doc_updates WHERE doc_name = $1', [docName]);
      return rows[0]?.id ?? 0;
    },
  };
}

/** The doc that all of `updates` make together, re-encoded (order does not matter to a CRDT). */
function fold(updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
