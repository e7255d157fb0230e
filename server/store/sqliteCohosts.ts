import type Database from 'better-sqlite3';
import { toCohost, type CohostRecord, type CohostStore } from './cohostStore';

/** Co-hosts in SQLite. One writer, so a transaction alone keeps numbers unique and the limit exact. */
export function sqliteCohosts(db: Database.Database): CohostStore {
  const q = {
    workshopExists: db.prepare<[string], { n: number }>('SELECT 1 AS n FROM workshops WHERE code = ?'),
    counts: db.prepare<[string], { active: number; last: number | null }>(
      'SELECT COUNT(*) FILTER (WHERE revoked_at IS NULL) AS active, MAX(number) AS last FROM cohosts WHERE workshop_code = ?',
    ),
    insert: db.prepare(
      'INSERT INTO cohosts (id, workshop_code, number, key_hash, name, created_at, revoked_at) VALUES (@id, @workshopCode, @number, @keyHash, @name, @createdAt, NULL)',
    ),
    list: db.prepare<[string], CohostRecord>('SELECT * FROM cohosts WHERE workshop_code = ? ORDER BY number'),
    byKeyHash: db.prepare<[string], CohostRecord>('SELECT * FROM cohosts WHERE key_hash = ?'),
    byId: db.prepare<[string], CohostRecord>('SELECT * FROM cohosts WHERE id = ?'),
    setName: db.prepare('UPDATE cohosts SET name = ? WHERE id = ?'),
    revoke: db.prepare('UPDATE cohosts SET revoked_at = ? WHERE workshop_code = ? AND id = ? AND revoked_at IS NULL'),
  };

  const create = db.transaction((row: Parameters<CohostStore['createCohost']>[0], maxActive: number) => {
    if (!q.workshopExists.get(row.workshopCode)) return 'not_found' as const;
    const { active, last } = q.counts.get(row.workshopCode)!;
    if (active >= maxActive) return 'limit' as const;
    const number = (last ?? 0) + 1;
    q.insert.run({ ...row, number });
    return toCohost(q.byId.get(row.id)!);
  });

  return {
    async createCohost(row, maxActive) {
      return create(row, maxActive);
    },
    async listCohosts(code) {
      return q.list.all(code).map(toCohost);
    },
    async getCohostByKeyHash(keyHash) {
      const r = q.byKeyHash.get(keyHash);
      return r ? toCohost(r) : null;
    },
    async setCohostName(id, name) {
      q.setName.run(name, id);
    },
    async revokeCohost(code, id, at) {
      return q.revoke.run(at, code, id).changes > 0;
    },
  };
}
