import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Seat } from '../../lib/protocol';
import { SQLITE_MIGRATIONS } from './sqliteSchema';
import type { CoupleRow, ParticipantRow, SeatResult, Store, StoredDoc, WorkshopRow } from './types';

interface ParticipantRecord {
  id: string;
  workshop_code: string;
  name: string;
  token_hash: string;
  couple_id: string | null;
  seat: Seat | null;
  created_at: number;
}
interface CoupleRecord {
  id: string;
  workshop_code: string;
  pair_code: string;
  created_at: number;
  entry_count: number;
  last_activity_at: number | null;
}
interface WorkshopRecord {
  code: string;
  title: string;
  host_key_hash: string;
  status: 'open' | 'ended';
  created_at: number;
}

const toWorkshop = (r: WorkshopRecord): WorkshopRow => ({
  code: r.code,
  title: r.title,
  hostKeyHash: r.host_key_hash,
  status: r.status,
  createdAt: r.created_at,
});
const toParticipant = (r: ParticipantRecord): ParticipantRow => ({
  id: r.id,
  workshopCode: r.workshop_code,
  name: r.name,
  tokenHash: r.token_hash,
  coupleId: r.couple_id,
  seat: r.seat,
  createdAt: r.created_at,
});
const toCouple = (r: CoupleRecord): CoupleRow => ({
  id: r.id,
  workshopCode: r.workshop_code,
  pairCode: r.pair_code,
  createdAt: r.created_at,
  entryCount: r.entry_count,
  lastActivityAt: r.last_activity_at,
});

/**
 * The embedded store: one SQLite file in WAL mode. better-sqlite3 is
 * synchronous, so a write has reached the WAL when the call returns; with
 * synchronous=NORMAL that survives a process crash (SIGKILL), which is the
 * failure a workshop server meets, at a fraction of the cost of FULL.
 */
export function openSqliteStore(dataDir: string): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'twofold.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const q = {
    insertWorkshop: db.prepare(
      'INSERT INTO workshops (code, title, host_key_hash, status, created_at) VALUES (@code, @title, @hostKeyHash, @status, @createdAt)',
    ),
    getWorkshop: db.prepare<[string], WorkshopRecord>('SELECT * FROM workshops WHERE code = ?'),
    insertParticipant: db.prepare(
      'INSERT INTO participants (id, workshop_code, name, token_hash, couple_id, seat, created_at) VALUES (@id, @workshopCode, @name, @tokenHash, @coupleId, @seat, @createdAt)',
    ),
    getParticipant: db.prepare<[string], ParticipantRecord>('SELECT * FROM participants WHERE id = ?'),
    getParticipantByToken: db.prepare<[string], ParticipantRecord>('SELECT * FROM participants WHERE token_hash = ?'),
    listParticipants: db.prepare<[string], ParticipantRecord>(
      'SELECT * FROM participants WHERE workshop_code = ? ORDER BY created_at, id',
    ),
    seat: db.prepare('UPDATE participants SET couple_id = ?, seat = ? WHERE id = ? AND couple_id IS NULL'),
    insertCouple: db.prepare(
      'INSERT INTO couples (id, workshop_code, pair_code, created_at, entry_count, last_activity_at) VALUES (@id, @workshopCode, @pairCode, @createdAt, @entryCount, @lastActivityAt)',
    ),
    getCouple: db.prepare<[string], CoupleRecord>('SELECT * FROM couples WHERE id = ?'),
    getCoupleByPairCode: db.prepare<[string, string], CoupleRecord>(
      'SELECT * FROM couples WHERE workshop_code = ? AND pair_code = ?',
    ),
    listCouples: db.prepare<[string], CoupleRecord>('SELECT * FROM couples WHERE workshop_code = ? ORDER BY created_at, id'),
    coupleMembers: db.prepare<[string], ParticipantRecord>('SELECT * FROM participants WHERE couple_id = ? ORDER BY seat'),
    seatsTaken: db.prepare<[string], { seat: Seat }>('SELECT seat FROM participants WHERE couple_id = ?'),
    recordActivity: db.prepare('UPDATE couples SET entry_count = ?, last_activity_at = ? WHERE id = ?'),
    snapshot: db.prepare<[string], { data: Buffer }>('SELECT data FROM doc_snapshots WHERE doc_name = ?'),
    updates: db.prepare<[string], { id: number; data: Buffer }>('SELECT id, data FROM doc_updates WHERE doc_name = ? ORDER BY id'),
    appendUpdate: db.prepare('INSERT INTO doc_updates (doc_name, data) VALUES (?, ?)'),
    lastUpdateId: db.prepare<[string], { id: number | null }>('SELECT MAX(id) AS id FROM doc_updates WHERE doc_name = ?'),
    upsertSnapshot: db.prepare(
      'INSERT INTO doc_snapshots (doc_name, data) VALUES (?, ?) ON CONFLICT(doc_name) DO UPDATE SET data = excluded.data',
    ),
    deleteUpdatesUpTo: db.prepare('DELETE FROM doc_updates WHERE doc_name = ? AND id <= ?'),
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
    const taken = q.seatsTaken.all(record.id).map((r) => r.seat);
    const me = q.getParticipant.get(participantId);
    if (me?.couple_id === record.id) return { ok: true, couple: toCouple(record), seat: me.seat as Seat };
    const refused = participantFree(participantId, workshopCode);
    if (refused) return refused;
    const free: Seat | undefined = (['a', 'b'] as const).find((s) => !taken.includes(s));
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

  const compact = db.transaction((docName: string, snapshot: Uint8Array, upToId: number) => {
    q.upsertSnapshot.run(docName, snapshot);
    q.deleteUpdatesUpTo.run(docName, upToId);
  });

  return {
    async createWorkshop(row) {
      q.insertWorkshop.run(row);
    },
    async getWorkshop(code) {
      const r = q.getWorkshop.get(code);
      return r ? toWorkshop(r) : null;
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
    async listParticipants(code) {
      return q.listParticipants.all(code).map(toParticipant);
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
    async recordBoardActivity(coupleId, entryCount, at) {
      q.recordActivity.run(entryCount, at, coupleId);
    },
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
      q.appendUpdate.run(docName, update);
    },
    async compactDoc(docName, snapshot, upToId) {
      compact(docName, snapshot, upToId);
    },
    async lastUpdateId(docName) {
      return q.lastUpdateId.get(docName)?.id ?? 0;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < SQLITE_MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(SQLITE_MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
