import type Database from 'better-sqlite3';
import type pg from 'pg';
import { initial } from './0001_initial';
import { workshopLocale } from './0002_workshop_locale';
import { cohosts } from './0003_cohosts';
import { closingPulse } from './0004_closing_pulse';

/**
 * One schema change of both stores. Each runs in its own transaction with its record (see
 * migrateSqlite.ts, migratePg.ts), so a failing one leaves the database as it was.
 *
 * To change the schema: add `NNNN_what_it_does.ts` with the next version, write both the SQLite
 * and the PostgreSQL step, and append it below. A migration that has been released is never
 * edited (tests/unit/migrations.test.ts pins each released file): fix a mistake with a new one.
 */
export interface Migration {
  version: number;
  /** Lower-case words with underscores, as in the file name. */
  name: string;
  /** SQL, or code for what SQL alone cannot do. Runs with foreign keys off (SQLite's rule for rebuilding a table); they are checked before the commit. */
  sqlite: string | ((db: Database.Database) => void);
  postgres: string | ((client: pg.PoolClient) => Promise<void>);
}

/** In order: version n is at index n - 1. */

export const MIGRATIONS: readonly Migration[] = [initial, workshopLocale, cohosts, closingPulse];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

/** The table that records which migrations a database has (created by the runner, not by a migration). */
export const MIGRATIONS_TABLE = 'schema_migrations';

/**
 * A database newer than the code: a rollback to an older release. Starting would mean reading
 * (and writing) tables this release does not know, so it stops before it touches anything.
 */
export function refuseNewerSchema(found: number, known: number): void {
  if (found <= known) return;
  throw new Error(
    `the database is at schema version ${found}, but this release of Twofold knows versions up to ${known}: ` +
      'it was written by a newer release. Start that release again, or restore a backup made before the upgrade. Nothing was changed.',
  );
}
