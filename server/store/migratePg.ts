import type pg from 'pg';
import { MIGRATIONS, MIGRATIONS_TABLE, refuseNewerSchema, type Migration } from './migrations';
import { LOCK_PREFIX } from './pgSchema';

/**
 * Brings a PostgreSQL store to the latest schema. Several nodes may start at once: the whole run
 * holds a session advisory lock (`twofold.schema`, the key the last release before migrations
 * took for its CREATE TABLE IF NOT EXISTS), so one node migrates while the others wait, then
 * find nothing left to do. Each migration runs in its own transaction with its record.
 */
export async function migratePg(pool: pg.Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<void> {
  const client = await pool.connect();
  let done = false;
  try {
    await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [LOCK_PREFIX + 'schema']);
    const current = await recordedVersion(client);
    refuseNewerSchema(current, migrations.length);
    for (const next of migrations.slice(current)) await applyOne(client, next);
    await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [LOCK_PREFIX + 'schema']);
    done = true;
  } finally {
    client.release(!done); // a failed run ends its connection, and with it the session's lock
  }
}

async function applyOne(client: pg.PoolClient, m: Migration): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
    if (typeof m.postgres === 'string') await client.query(m.postgres);
    else await m.postgres(client);
    // The database's clock, not the server's: this is a fact about the database.
    await client.query(`INSERT INTO ${MIGRATIONS_TABLE} (version, name, applied_at) VALUES ($1, $2, (extract(epoch FROM now()) * 1000)::bigint)`, [m.version, m.name]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}

/** The newest version recorded; 0 when none is (a new database, or one of the last release before migrations). */
export async function recordedVersion(client: pg.PoolClient | pg.Pool): Promise<number> {
  const table = await client.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [MIGRATIONS_TABLE]);
  if (!table.rows[0].found) return 0;
  const { rows } = await client.query<{ version: number | null }>(`SELECT MAX(version) AS version FROM ${MIGRATIONS_TABLE}`);
  return rows[0].version ?? 0;
}
