import type pg from 'pg';
import type { Seat } from '../../lib/protocol';
import { toCouple, type CoupleRecord, type ParticipantRecord } from './records';
import { inTransaction } from './pgPool';
import type { CoupleRow, SeatResult, Store } from './storeTypes';

type SeatMethods = Pick<Store, 'createCouple' | 'joinCoupleByPairCode' | 'pairParticipants'>;

/**
 * Seating, race-free across server processes. SQLite serializes every write; PostgreSQL runs
 * transactions side by side (READ COMMITTED), so each one first locks the rows its decision
 * reads, with SELECT … FOR UPDATE:
 *   - the couple row, when joining by pair code: two people racing for the last seat queue on
 *     it, and the second one, once it has the lock, reads the seats again and finds it taken;
 *   - the participant row(s) being seated: the same person creating two couples at once (two
 *     tabs, two nodes) queues, and the second transaction sees couple_id already set.
 * FOR UPDATE re-reads the newest committed row after waiting, and every later statement in
 * READ COMMITTED sees what the winner committed, so each decision is made on fresh data.
 * Lock order is couple, then participants by id (deleteParticipant in pgStore.ts keeps it),
 * so these transactions do not deadlock each other; if PostgreSQL still reports one,
 * inTransaction runs the transaction again. UNIQUE (couple_id, seat) backs all of this up.
 */
export function pgSeats(pool: pg.Pool): SeatMethods {
  return {
    createCouple: (couple, participantId) =>
      inTransaction(pool, async (c) => {
        const [p] = await lockParticipants(c, [participantId]);
        const refused = refusal(p, participantId, couple.workshopCode);
        if (refused) return refused;
        await insertCouple(c, couple);
        await seat(c, couple.id, 'a', participantId);
        return { ok: true, couple, seat: 'a' };
      }),

    joinCoupleByPairCode: (workshopCode, pairCode, participantId) =>
      inTransaction(pool, async (c): Promise<SeatResult> => {
        const { rows } = await c.query<CoupleRecord>('SELECT * FROM couples WHERE workshop_code = $1 AND pair_code = $2 FOR UPDATE', [
          workshopCode,
          pairCode,
        ]);
        if (rows.length === 0) return { ok: false, reason: 'not_found' };
        const couple = toCouple(rows[0]);
        const members = (await c.query<ParticipantRecord>('SELECT * FROM participants WHERE couple_id = $1', [couple.id])).rows;
        const mine = members.find((m) => m.id === participantId);
        if (mine) return { ok: true, couple, seat: mine.seat as Seat };
        const [p] = await lockParticipants(c, [participantId]);
        const refused = refusal(p, participantId, workshopCode);
        if (refused) return refused;
        const free = (['a', 'b'] as const).find((s) => !members.some((m) => m.seat === s));
        if (!free) return { ok: false, reason: 'couple_full' };
        await seat(c, couple.id, free, participantId);
        return { ok: true, couple, seat: free };
      }),

    pairParticipants: (couple, [first, second]) =>
      inTransaction(pool, async (c): Promise<SeatResult> => {
        if (first === second) return { ok: false, reason: 'cannot_pair_self' };
        const locked = await lockParticipants(c, [first, second]);
        const find = (id: string) => locked.find((p) => p.id === id);
        const refused = refusal(find(first), first, couple.workshopCode) ?? refusal(find(second), second, couple.workshopCode);
        if (refused) return refused;
        await insertCouple(c, couple);
        await seat(c, couple.id, 'a', first);
        await seat(c, couple.id, 'b', second);
        return { ok: true, couple, seat: 'a' };
      }),
  };
}

/** Locks participants in id order (a fixed order, so two transactions cannot wait on each other). */
async function lockParticipants(c: pg.PoolClient, ids: string[]): Promise<ParticipantRecord[]> {
  const { rows } = await c.query<ParticipantRecord>('SELECT * FROM participants WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [ids]);
  return rows;
}

/** Why this participant cannot take a seat, or null if they can (same rules as SQLite's participantFree). */
function refusal(p: ParticipantRecord | undefined, id: string, workshopCode: string): SeatResult | null {
  if (!p || p.id !== id || p.workshop_code !== workshopCode) return { ok: false, reason: 'not_found' };
  if (p.couple_id) return { ok: false, reason: 'already_paired' };
  return null;
}

async function insertCouple(c: pg.PoolClient, couple: CoupleRow): Promise<void> {
  await c.query('INSERT INTO couples (id, workshop_code, pair_code, created_at, last_activity_at) VALUES ($1, $2, $3, $4, $5)', [
    couple.id,
    couple.workshopCode,
    couple.pairCode,
    couple.createdAt,
    couple.lastActivityAt,
  ]);
}

async function seat(c: pg.PoolClient, coupleId: string, s: Seat, participantId: string): Promise<void> {
  await c.query('UPDATE participants SET couple_id = $1, seat = $2 WHERE id = $3 AND couple_id IS NULL', [coupleId, s, participantId]);
}
