import type pg from 'pg';
import type { Log } from '../infra/log';
import { PG_DELETION_TABLES } from './pgSchema';

/**
 * After a deletion commits, VACUUM the tables it touched so the deleted rows do not linger
 * as dead tuples until autovacuum happens to come by ([R35]).
 *
 * What this guarantees: once the deletion's promise resolves, nothing of it is readable
 * through SQL (that holds at COMMIT), and VACUUM has removed the dead tuples from the heap,
 * their TOAST chunks and index entries, making the space reusable. What it does not: plain
 * VACUUM does not overwrite freed space. We checked with pageinspect that a deleted
 * tuple's bytes can stay in the table file until new rows reuse the space (a tuple at the
 * edge of a page's free space is left as it was). Copies also remain in WAL segments until
 * they are recycled, and in base backups, WAL archives and replicas for as long as those
 * are kept. A dead tuple that an older, still open transaction can see is not removed by
 * this run (the next VACUUM or autovacuum removes it); our own transactions are short.
 * VACUUM FULL would rewrite the files, but it locks each table exclusively and would stall
 * every board of every workshop, so it is left to operators (docs/SECURITY.md).
 *
 * VACUUM cannot run inside a transaction and conflicts with itself on a table, so runs are
 * single-file: a request that arrives while one runs waits for the next run — the running one
 * may have started before the caller's DELETE committed and then would not remove its rows.
 */
export function createReclaimer(pool: pg.Pool, log: Log): { reclaim(): Promise<void>; idle(): Promise<void> } {
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;

  const start = (): Promise<void> => {
    const run = pool
      .query(`VACUUM ${PG_DELETION_TABLES.join(', ')}`)
      .then(
        () => undefined,
        // The deletion itself has committed; a failed VACUUM leaves dead tuples for autovacuum. Say so loudly.
        (err: Error) => log.error('VACUUM after a deletion failed; dead tuples remain until autovacuum', err.message),
      )
      .finally(() => {
        if (running === run) running = null;
      });
    running = run;
    return run;
  };

  return {
    reclaim() {
      if (next) return next;
      if (!running) return start();
      next = running.then(() => {
        next = null;
        return start();
      });
      return next;
    },
    /** Resolves when no VACUUM is running or queued (before the pool is closed). */
    async idle() {
      while (running || next) await (next ?? running);
    },
  };
}
