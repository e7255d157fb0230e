import type pg from 'pg';
import type { Log } from '../infra/log';
import {
  fromWorkshop,
  toCouple,
  toDocStats,
  toParticipant,
  toWallItem,
  toWorkshop,
  type CoupleRecord,
  type DocStatsRecord,
  type ParticipantRecord,
  type WallItemRecord,
  type WorkshopRecord,
} from './records';
import { pgDocs } from './pgDocs';
import { pgCohosts } from './pgCohosts';

import { pgPulse } from './pgPulse';
import { inTransaction, openPool } from './pgPool';
import { createReclaimer } from './pgReclaim';
import { pgSeats } from './pgSeats';
import type { Store } from './storeTypes';

/**
 * The scaled-out store: PostgreSQL, shared by every node. Same semantics as the SQLite store;
 * where SQLite relied on being the only writer, this one takes row locks (pgSeats.ts) or makes
 * the operation safe by construction (compaction, pgDocs.ts). Loaded with a dynamic import by
 * the composition root, so the single-node default never loads `pg`.
 */
export async function openPgStore(url: string, log: Log, opts: { fold?: (updates: Uint8Array[]) => Promise<Uint8Array> } = {}): Promise<Store> {
  const pool = await openPool(url, log);
  const reclaimer = createReclaimer(pool, log);
  const one = async <R>(sql: string, params: unknown[]): Promise<R | null> => (await pool.query(sql, params)).rows[0] ?? null;
  const all = async <R>(sql: string, params: unknown[]): Promise<R[]> => (await pool.query(sql, params)).rows;

  const store: Store = {
    ...pgDocs(pool, opts.fold),
    ...pgSeats(pool),
    ...pgCohosts(pool),

    ...pgPulse(pool),

    async createWorkshop(row) {
      const w = fromWorkshop(row);
      await pool.query(
        'INSERT INTO workshops (code, title, host_key_hash, agenda, state, retention_days, locale, peak_online, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
        [w.code, w.title, w.hostKeyHash, w.agenda, w.state, w.retentionDays, w.locale, w.peakOnline, w.createdAt, w.expiresAt],
      );
    },
    async getWorkshop(code) {
      const r = await one<WorkshopRecord>('SELECT * FROM workshops WHERE code = $1', [code]);
      return r ? toWorkshop(r) : null;
    },
    async saveWorkshopState(code, state, expiresAt) {
      await pool.query('UPDATE workshops SET state = $1, expires_at = $2 WHERE code = $3', [JSON.stringify(state), expiresAt, code]);
    },
    async notePeakOnline(code, online) {
      await pool.query('UPDATE workshops SET peak_online = GREATEST(peak_online, $1) WHERE code = $2', [online, code]);
    },
    async listExpiredWorkshops(now) {
      return (await all<{ code: string }>('SELECT code FROM workshops WHERE expires_at <= $1 ORDER BY expires_at', [now])).map((r) => r.code);
    },
    async deleteWorkshop(code) {
      await inTransaction(pool, async (c) => {
        // Locked first: a couple being created in this workshop meanwhile (its foreign key check
        // needs a share lock on this row) waits, then fails, instead of slipping past the list below.
        const found = await c.query('SELECT 1 FROM workshops WHERE code = $1 FOR UPDATE', [code]);
        if (found.rowCount === 0) return;
        const couples = await c.query<{ id: string }>('SELECT id FROM couples WHERE workshop_code = $1', [code]);
        for (const { id } of couples.rows) await deleteCoupleRows(c, id);
        await c.query('DELETE FROM workshops WHERE code = $1', [code]); // participants and wall items cascade
      });
      await reclaimer.reclaim();
    },

    async createParticipant(row) {
      await pool.query(
        'INSERT INTO participants (id, workshop_code, name, token_hash, review_hash, couple_id, seat, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [row.id, row.workshopCode, row.name, row.tokenHash, row.reviewHash, row.coupleId, row.seat, row.createdAt],
      );
    },
    async getParticipant(id) {
      const r = await one<ParticipantRecord>('SELECT * FROM participants WHERE id = $1', [id]);
      return r ? toParticipant(r) : null;
    },
    async getParticipantByTokenHash(tokenHash) {
      const r = await one<ParticipantRecord>('SELECT * FROM participants WHERE token_hash = $1', [tokenHash]);
      return r ? toParticipant(r) : null;
    },
    async getParticipantByReviewHash(reviewHash) {
      const r = await one<ParticipantRecord>('SELECT * FROM participants WHERE review_hash = $1', [reviewHash]);
      return r ? toParticipant(r) : null;
    },
    async listParticipants(code) {
      return (await all<ParticipantRecord>('SELECT * FROM participants WHERE workshop_code = $1 ORDER BY created_at, id', [code])).map(toParticipant);
    },
    async deleteParticipant(id) {
      await inTransaction(pool, async (c) => {
        const seen = await c.query<{ couple_id: string | null }>('SELECT couple_id FROM participants WHERE id = $1', [id]);
        if (seen.rowCount === 0) return;
        // The couple is locked before the participant (the order pgSeats.ts uses): when both partners
        // are deleted at once on two nodes, the second waits here and then sees the couple empty.
        const locked = seen.rows[0].couple_id;
        if (locked) await c.query('SELECT 1 FROM couples WHERE id = $1 FOR UPDATE', [locked]);
        const gone = await c.query<{ couple_id: string | null }>('DELETE FROM participants WHERE id = $1 RETURNING couple_id', [id]);
        const coupleId = gone.rows[0]?.couple_id ?? null;
        if (!coupleId) return;
        if (coupleId !== locked) await c.query('SELECT 1 FROM couples WHERE id = $1 FOR UPDATE', [coupleId]); // seated meanwhile
        const left = await c.query('SELECT 1 FROM participants WHERE couple_id = $1 LIMIT 1', [coupleId]);
        if (left.rowCount === 0) await deleteCoupleRows(c, coupleId);
      });
      await reclaimer.reclaim();
    },

    async getCouple(id) {
      const r = await one<CoupleRecord>('SELECT * FROM couples WHERE id = $1', [id]);
      return r ? toCouple(r) : null;
    },
    async listCoupleMembers(coupleId) {
      return (await all<ParticipantRecord>('SELECT * FROM participants WHERE couple_id = $1 ORDER BY seat', [coupleId])).map(toParticipant);
    },
    async listCouples(code) {
      return (await all<CoupleRecord>('SELECT * FROM couples WHERE workshop_code = $1 ORDER BY created_at, id', [code])).map(toCouple);
    },
    async deleteCouple(coupleId) {
      await inTransaction(pool, (c) => deleteCoupleRows(c, coupleId));
      await reclaimer.reclaim();
    },

    async recordDocStats(row) {
      // One statement: touching the couple locks its row, and a couple deleted meanwhile yields no
      // row to insert (SQLite's "nothing to record"), instead of a foreign-key error.
      await pool.query(
        `WITH couple AS (UPDATE couples SET last_activity_at = $4::bigint WHERE id = $2::text RETURNING id)
         INSERT INTO doc_stats (doc_name, couple_id, counts, updated_at) SELECT $1::text, couple.id, $3::text, $4::bigint FROM couple
         ON CONFLICT (doc_name) DO UPDATE SET counts = excluded.counts, updated_at = excluded.updated_at`,
        [row.docName, row.coupleId, JSON.stringify(row.counts), row.updatedAt],
      );
    },
    async listDocStats(code) {
      return (
        await all<DocStatsRecord>('SELECT s.* FROM doc_stats s JOIN couples c ON c.id = s.couple_id WHERE c.workshop_code = $1', [code])
      ).map(toDocStats);
    },

    async createWallItem(row) {
      await pool.query(
        'INSERT INTO wall_items (id, workshop_code, couple_id, item_key, entry_ref, text, proposed_by, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
        [row.id, row.workshopCode, row.coupleId, row.itemKey, row.entryRef, row.text, row.proposedBy, row.status, row.createdAt, row.updatedAt],
      );
    },
    async getWallItem(id) {
      const r = await one<WallItemRecord>('SELECT * FROM wall_items WHERE id = $1', [id]);
      return r ? toWallItem(r) : null;
    },
    async setWallStatus(id, status, at) {
      await pool.query('UPDATE wall_items SET status = $1, updated_at = $2 WHERE id = $3', [status, at, id]);
    },
    async listWallItems(code) {
      return (await all<WallItemRecord>('SELECT * FROM wall_items WHERE workshop_code = $1 ORDER BY created_at, id', [code])).map(toWallItem);
    },

    async ping() {
      return Number((await one<{ v: number }>('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations', []))!.v);
    },
    async close() {
      await reclaimer.idle();
      await pool.end();
    },
  };
  return drainedOnClose(store);
}

/**
 * close() waits until the store has been quiet for a turn of the event loop before it ends
 * the pool. At shutdown, closing boards and sockets sets off chains of store calls (final
 * stats, presence broadcasts) that SQLite, being synchronous, finishes before close() runs;
 * here they are still in flight, and each may start the next call from a microtask.
 */
function drainedOnClose(store: Store): Store {
  let inFlight = 0;
  let quiet: (() => void) | null = null;
  const wrapped = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(store) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    wrapped[name] = async (...args: unknown[]) => {
      inFlight++;
      try {
        return await method(...args);
      } finally {
        if (--inFlight === 0) quiet?.();
      }
    };
  }
  wrapped.close = async () => {
    for (;;) {
      if (inFlight > 0) await new Promise<void>((resolve) => (quiet = resolve));
      await new Promise((resolve) => setImmediate(resolve)); // calls chained on the last one start before this
      if (inFlight === 0) break;
    }
    await store.close();
  };
  return wrapped as unknown as Store;
}

/**
 * Deletes a couple with its docs. Seats are freed by ON DELETE SET NULL; stats and wall items
 * cascade. A couple's docs are `board.<id>` and `private.<id>.…`: a range on the name (byte
 * order: doc_name is COLLATE "C", and '/' follows '.') uses the index.
 */
async function deleteCoupleRows(c: pg.PoolClient, coupleId: string): Promise<void> {
  await c.query('DELETE FROM couples WHERE id = $1', [coupleId]);
  const byCouple = `doc_name = 'board.' || $1::text OR (doc_name >= 'private.' || $1::text || '.' AND doc_name < 'private.' || $1::text || '/')`;
  await c.query(`DELETE FROM doc_updates WHERE ${byCouple}`, [coupleId]);
  await c.query(`DELETE FROM doc_snapshots WHERE ${byCouple}`, [coupleId]);
}
