import pg from 'pg';
import type { Log } from '../infra/log';
import { describeDatabase } from './describeDatabase';
import { migratePg } from './migratePg';
import { LOCK_PREFIX } from './pgSchema';

/** A transaction lost a deadlock or a serialization check: run it again from the start. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 5;

/**
 * int8 (epoch ms, update ids) as a JS number instead of pg's default string, for this pool
 * only: every value we store is far below 2^53, and the record mappers expect numbers.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 && format !== 'binary' ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

export async function openPool(url: string, log: Log): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: url,
    application_name: 'twofold',
    // Appends must be durable when they resolve: ask for it per session, whatever the server's default.
    options: '-c synchronous_commit=on',
    types,
  });
  // An idle client whose connection drops emits 'error' on the pool; unhandled, that would end the process.
  pool.on('error', (err) => log.error('PostgreSQL connection lost (the pool reconnects)', err.message));
  try {
    await migratePg(pool);
  } catch (err) {
    await pool.end().catch(() => {});
    throw new Error(`Cannot open the PostgreSQL store at ${describeDatabase(url)}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  return pool;
}

/** Takes a transaction-scoped advisory lock on `twofold.<name>`: released at COMMIT or ROLLBACK. */
export async function lockName(client: pg.PoolClient, name: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [LOCK_PREFIX + name]);
}

/**
 * Runs `work` in one READ COMMITTED transaction on one connection. Races between nodes are
 * settled by the row locks `work` takes (see pgSeats.ts); when PostgreSQL resolves a deadlock
 * by aborting us, the whole transaction runs again, which is safe because it rolled back.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch((rollbackErr: Error) => (broken = rollbackErr));
      const code = (err as { code?: string }).code;
      if (attempt < MAX_ATTEMPTS && code && RETRYABLE.has(code)) continue;
      throw err;
    } finally {
      client.release(broken); // a connection that cannot even roll back is discarded
    }
  }
}
