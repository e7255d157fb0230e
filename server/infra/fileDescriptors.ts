import fs from 'node:fs';
import { SIZES } from '../tunables';

/**
 * The process's soft limit on open files, from /proc/self/limits (Linux; node raises its soft
 * limit to the hard one at start-up, so this is the figure that applies), or null elsewhere.
 */
export function readFileDescriptorLimit(limitsFile = '/proc/self/limits'): number | null {
  try {
    const line = fs.readFileSync(limitsFile, 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
    const soft = line?.slice('Max open files'.length).trim().split(/\s+/)[0];
    if (!soft || soft === 'unlimited') return null;
    const n = Number(soft);
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

/**
 * The default ceiling on TCP connections: the file-descriptor limit minus a margin for the store
 * (SQLite, its WAL and checkpoint worker, or a PostgreSQL pool), Redis, logs and the files pages
 * read. Every connection holds one descriptor; running out of them breaks the store, not only
 * new connections.
 */
export function defaultMaxConnections(limit = readFileDescriptorLimit()): number {
  if (limit === null) return SIZES.fallbackMaxConnections;
  const margin = Math.max(SIZES.fileDescriptorMarginMin, Math.ceil(limit * SIZES.fileDescriptorMarginShare));
  return Math.max(16, limit - margin);
}
