import type { Seat } from '../../lib/protocol';
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
import type { Log } from '../infra/log';
import { openSqliteFile } from './sqliteFile';
import { sqliteDocs } from './sqliteDocs';
import { sqliteCohosts } from './sqliteCohosts';

import { sqlitePulse } from './sqlitePulse';
import type { CoupleRow, SeatResult, Store } from './storeTypes';

/**
 * The embedded store: one SQLite file in WAL mode. better-sqlite3 is
 * synchronous, so a write has reached the WAL when the call returns; with
 * synchronous=NORMAL that survives a process crash (SIGKILL), which is the
 * failure a workshop server meets, at a fraction of the cost of FULL.
 */
export function openSqliteStore(dataDir: string, log: Pick<Log, 'error'> = { error: (msg) => console.error(`[twofold] ${msg}`) }): Store {
  const { db, checkpointer } = openSqliteFile(dataDir, log);

  const q = {
    insertWorkshop: db.prepare(
      'INSERT INTO workshops (code, title, host_key_hash, agenda, state, retention_days, locale, peak_online, created_at, expires_at) VALUES (@code, @title, @hostKeyHash, @agenda, @state, @retentionDays, @locale, @peakOnline, @createdAt, @expiresAt)',
    ),
    getWorkshop: db.prepare<[string], WorkshopRecord>('SELECT * FROM workshops WHERE code = ?'),
    saveState: db.prepare('UPDATE workshops SET state = ?, expires_at = ? WHERE code = ?'),
    notePeak: db.prepare('UPDATE workshops SET peak_online = MAX(peak_online, ?) WHERE code = ?'),
    expired: db.prepare<[number], { code: string }>('SELECT code FROM workshops WHERE expires_at <= ? ORDER BY expires_at'),
    deleteWorkshop: db.prepare('DELETE FROM workshops WHERE code = ?'),
    coupleIdsOf: db.prepare<[string], { id: string }>('SELECT id FROM couples WHERE workshop_code = ?'),
    insertParticipant: db.prepare(
      'INSERT INTO participants (id, workshop_code, name, token_hash, review_hash, couple_id, seat, created_at) VALUES (@id, @workshopCode, @name, @tokenHash, @reviewHash, @coupleId, @seat, @createdAt)',
    ),
    getParticipant: db.prepare<[string], ParticipantRecord>('SELECT * FROM participants WHERE id = ?'),
    getParticipantByToken: db.prepare<[string], ParticipantRecord>('SELECT * FROM participants WHERE token_hash = ?'),
    getParticipantByReview: db.prepare<[string], ParticipantRecord>('SELECT * FROM participants WHERE review_hash = ?'),
    listParticipants: db.prepare<[string], ParticipantRecord>('SELECT * FROM participants WHERE workshop_code = ? ORDER BY created_at, id'),
    deleteParticipant: db.prepare('DELETE FROM participants WHERE id = ?'),
    seat: db.prepare('UPDATE participants SET couple_id = ?, seat = ? WHERE id = ? AND couple_id IS NULL'),
    insertCouple: db.prepare(
      'INSERT INTO couples (id, workshop_code, pair_code, created_at, last_activity_at) VALUES (@id, @workshopCode, @pairCode, @createdAt, @lastActivityAt)',
    ),
    getCouple: db.prepare<[string], CoupleRecord>('SELECT * FROM couples WHERE id = ?'),
    getCoupleByPairCode: db.prepare<[string, string], CoupleRecord>('SELECT * FROM couples WHERE workshop_code = ? AND pair_code = ?'),
    listCouples: db.prepare<[string], CoupleRecord>('SELECT * FROM couples WHERE workshop_code = ? ORDER BY created_at, id'),
    coupleMembers: db.prepare<[string], ParticipantRecord>('SELECT * FROM participants WHERE couple_id = ? ORDER BY seat'),
    deleteCouple: db.prepare('DELETE FROM couples WHERE id = ?'),
    touchCouple: db.prepare('UPDATE couples SET last_activity_at = ? WHERE id = ?'),
    upsertStats: db.prepare(
      'INSERT INTO doc_stats (doc_name, couple_id, counts, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(doc_name) DO UPDATE SET counts = excluded.counts, updated_at = excluded.updated_at',
    ),
    listStats: db.prepare<[string], DocStatsRecord>(
      'SELECT s.* FROM doc_stats s JOIN couples c ON c.id = s.couple_id WHERE c.workshop_code = ?',
    ),
    insertWall: db.prepare(
      'INSERT INTO wall_items (id, workshop_code, couple_id, item_key, entry_ref, text, proposed_by, status, created_at, updated_at) VALUES (@id, @workshopCode, @coupleId, @itemKey, @entryRef, @text, @proposedBy, @status, @createdAt, @updatedAt)',
    ),
    getWall: db.prepare<[string], WallItemRecord>('SELECT * FROM wall_items WHERE id = ?'),
    setWallStatus: db.prepare('UPDATE wall_items SET status = ?, updated_at = ? WHERE id = ?'),
    listWall: db.prepare<[string], WallItemRecord>('SELECT * FROM wall_items WHERE workshop_code = ? ORDER BY created_at, id'),
    // A couple's docs are `board.<id>` and `private.<id>.…`; a range on the name uses the index ('/' follows '.').
    deleteCoupleUpdates: db.prepare(
      "DELETE FROM doc_updates WHERE doc_name = 'board.' || @id OR (doc_name >= 'private.' || @id || '.' AND doc_name < 'private.' || @id || '/')",
    ),
    deleteCoupleSnapshots: db.prepare(
      "DELETE FROM doc_snapshots WHERE doc_name = 'board.' || @id OR (doc_name >= 'private.' || @id || '.' AND doc_name < 'private.' || @id || '/')",
    ),
  };

  const participantFree = (id: string, workshopCode: string): SeatResult | null => {
    const p = q.getParticipant.get(id);
    if (!p || p.workshop_code !== workshopCode) return { ok: false, reason: 'not_found' };
    if (p.couple_id) return { ok: false, reason: 'already_paired' };
    return null;
  };

  const createCouple = db.transaction((couple: CoupleRow, participantId: string): SeatResult => {
    const refused = participantFree(participantId, couple.workshopCode);
    if (refused) return refused;
    q.insertCouple.run(couple);
    q.seat.run(couple.id, 'a', participantId);
    return { ok: true, couple, seat: 'a' };
  });

  const joinByPairCode = db.transaction((workshopCode: string, pairCode: string, participantId: string): SeatResult => {
    const record = q.getCoupleByPairCode.get(workshopCode, pairCode);
    if (!record) return { ok: false, reason: 'not_found' };
    const members = q.coupleMembers.all(record.id);
    const mine = members.find((m) => m.id === participantId);
    if (mine) return { ok: true, couple: toCouple(record), seat: mine.seat as Seat };
    const refused = participantFree(participantId, workshopCode);
    if (refused) return refused;
    const free = (['a', 'b'] as const).find((s) => !members.some((m) => m.seat === s));
    if (!free) return { ok: false, reason: 'couple_full' };
    q.seat.run(record.id, free, participantId);
    return { ok: true, couple: toCouple(record), seat: free };
  });

  const pair = db.transaction((couple: CoupleRow, [first, second]: [string, string]): SeatResult => {
    if (first === second) return { ok: false, reason: 'cannot_pair_self' };
    const refused = participantFree(first, couple.workshopCode) ?? participantFree(second, couple.workshopCode);
    if (refused) return refused;
    q.insertCouple.run(couple);
    q.seat.run(couple.id, 'a', first);
    q.seat.run(couple.id, 'b', second);
    return { ok: true, couple, seat: 'a' };
  });

  const deleteCoupleRows = (coupleId: string) => {
    q.deleteCouple.run(coupleId); // seats are freed by ON DELETE SET NULL; stats and wall items cascade
    q.deleteCoupleUpdates.run({ id: coupleId });
    q.deleteCoupleSnapshots.run({ id: coupleId });
  };
  const deleteCouple = db.transaction(deleteCoupleRows);

  const deleteWorkshop = db.transaction((code: string) => {
    for (const { id } of q.coupleIdsOf.all(code)) deleteCoupleRows(id);
    q.deleteWorkshop.run(code); // participants and wall items cascade
  });

  /** Gives freed pages back and empties the WAL, so no copy of deleted content stays in any file. */
  const reclaim = () => {
    db.pragma('incremental_vacuum');
    db.pragma('wal_checkpoint(TRUNCATE)');
  };

  const deleteParticipant = db.transaction((id: string) => {
    const p = q.getParticipant.get(id);
    if (!p) return;
    q.deleteParticipant.run(id);
    if (p.couple_id && q.coupleMembers.all(p.couple_id).length === 0) deleteCoupleRows(p.couple_id);
  });

  const recordStats = db.transaction((docName: string, coupleId: string, counts: string, at: number) => {
    if (!q.getCouple.get(coupleId)) return; // deleted meanwhile: nothing to record
    q.upsertStats.run(docName, coupleId, counts, at);
    q.touchCouple.run(at, coupleId);
  });

  return {
    async createWorkshop(row) {
      q.insertWorkshop.run(fromWorkshop(row));
    },
    async getWorkshop(code) {
      const r = q.getWorkshop.get(code);
      return r ? toWorkshop(r) : null;
    },
    async saveWorkshopState(code, state, expiresAt) {
      q.saveState.run(JSON.stringify(state), expiresAt, code);
    },
    async notePeakOnline(code, online) {
      q.notePeak.run(online, code);
    },
    async listExpiredWorkshops(now) {
      return q.expired.all(now).map((r) => r.code);
    },
    async deleteWorkshop(code) {
      deleteWorkshop(code);
      reclaim();
    },
    async createParticipant(row) {
      q.insertParticipant.run(row);
    },
    async getParticipant(id) {
      const r = q.getParticipant.get(id);
      return r ? toParticipant(r) : null;
    },
    async getParticipantByTokenHash(tokenHash) {
      const r = q.getParticipantByToken.get(tokenHash);
      return r ? toParticipant(r) : null;
    },
    async getParticipantByReviewHash(reviewHash) {
      const r = q.getParticipantByReview.get(reviewHash);
      return r ? toParticipant(r) : null;
    },
    async listParticipants(code) {
      return q.listParticipants.all(code).map(toParticipant);
    },
    async deleteParticipant(id) {
      deleteParticipant(id);
      reclaim();
    },
    async createCouple(couple, participantId) {
      return createCouple(couple, participantId);
    },
    async joinCoupleByPairCode(code, pairCode, participantId) {
      return joinByPairCode(code, pairCode, participantId);
    },
    async pairParticipants(couple, ids) {
      return pair(couple, ids);
    },
    async getCouple(id) {
      const r = q.getCouple.get(id);
      return r ? toCouple(r) : null;
    },
    async listCoupleMembers(coupleId) {
      return q.coupleMembers.all(coupleId).map(toParticipant);
    },
    async listCouples(code) {
      return q.listCouples.all(code).map(toCouple);
    },
    async deleteCouple(coupleId) {
      deleteCouple(coupleId);
      reclaim();
    },
    async recordDocStats(row) {
      recordStats(row.docName, row.coupleId, JSON.stringify(row.counts), row.updatedAt);
    },
    async listDocStats(code) {
      return q.listStats.all(code).map(toDocStats);
    },
    async createWallItem(row) {
      q.insertWall.run(row);
    },
    async getWallItem(id) {
      const r = q.getWall.get(id);
      return r ? toWallItem(r) : null;
    },
    async setWallStatus(id, status, at) {
      q.setWallStatus.run(status, at, id);
    },
    async listWallItems(code) {
      return q.listWall.all(code).map(toWallItem);
    },
    ...sqliteDocs(db),
    ...sqliteCohosts(db),

    ...sqlitePulse(db),
    async close() {
      await checkpointer.close();
      if (db.open) db.close();
    },
  };
}
