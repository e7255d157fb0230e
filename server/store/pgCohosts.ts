import type pg from 'pg';
import { toCohost, type CohostRecord, type CohostStore } from './cohostStore';
import { inTransaction } from './pgPool';

/**
 * Co-hosts in PostgreSQL. An invite locks its workshop's row first (FOR UPDATE), so two invites
 * at once, from two nodes, queue: the second reads the count and the highest number after the
 * first committed, and neither the limit nor a number is given twice.
 */
export function pgCohosts(pool: pg.Pool): CohostStore {
  const rows = async (sql: string, params: unknown[]) => (await pool.query<CohostRecord>(sql, params)).rows.map(toCohost);
  return {
    createCohost: (row, maxActive) =>
      inTransaction(pool, async (c) => {
        const found = await c.query('SELECT 1 FROM workshops WHERE code = $1 FOR UPDATE', [row.workshopCode]);
        if (found.rowCount === 0) return 'not_found' as const;
        const { rows: [counts] } = await c.query<{ active: number; last: number | null }>(
          'SELECT (COUNT(*) FILTER (WHERE revoked_at IS NULL))::int AS active, MAX(number) AS last FROM cohosts WHERE workshop_code = $1',
          [row.workshopCode],
        );
        if (counts!.active >= maxActive) return 'limit' as const;
        const inserted = await c.query<CohostRecord>(
          'INSERT INTO cohosts (id, workshop_code, number, key_hash, name, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, NULL) RETURNING *',
          [row.id, row.workshopCode, (counts!.last ?? 0) + 1, row.keyHash, row.name, row.createdAt],
        );
        return toCohost(inserted.rows[0]!);
      }),
    listCohosts: (code) => rows('SELECT * FROM cohosts WHERE workshop_code = $1 ORDER BY number', [code]),
    async getCohostByKeyHash(keyHash) {
      return (await rows('SELECT * FROM cohosts WHERE key_hash = $1', [keyHash]))[0] ?? null;
    },
    async setCohostName(id, name) {
      await pool.query('UPDATE cohosts SET name = $1 WHERE id = $2', [name, id]);
    },
    async revokeCohost(code, id, at) {
      const result = await pool.query('UPDATE cohosts SET revoked_at = $1 WHERE workshop_code = $2 AND id = $3 AND revoked_at IS NULL', [at, code, id]);
      return (result.rowCount ?? 0) > 0;
    },
  };
}
