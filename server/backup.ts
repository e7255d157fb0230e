import { parseArgs } from 'node:util';
import { loadConfig } from './config';
import { createLog } from './infra/log';
import { backupSqlite } from './store/sqliteBackup';

/**
 * `npm run backup -- --out FILE`: a consistent copy of the SQLite store in DATA_DIR, taken while
 * the server runs (server/store/sqliteBackup.ts). Restoring: stop the server, put the file in
 * DATA_DIR as twofold.sqlite (with no twofold.sqlite-wal or -shm beside it), start. With
 * DATABASE_URL the store is PostgreSQL: back it up with pg_dump (docs/DEPLOY.md).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  if (!values.out) throw new Error('Usage: npm run backup -- --out FILE');
  const config = loadConfig();
  if (config.databaseUrl) throw new Error('DATABASE_URL is set: the store is PostgreSQL. Back it up with pg_dump or base backups (docs/DEPLOY.md).');
  const log = createLog(config.logLevel);
  const r = await backupSqlite(config.dataDir, values.out);
  log.info(`backup of ${r.source} written to ${r.out}: ${r.bytes} bytes, ${r.pages} pages, schema version ${r.schemaVersion}, copied in ${r.copyMs.toFixed(1)} ms`);
}

main().catch((err) => {
  console.error(`backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
