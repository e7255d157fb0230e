/**
 * Whether an error means "the store cannot be reached or written right now" — the disk is full or
 * read-only, the file cannot be written, PostgreSQL is gone or refuses — as against a bug or a
 * refused value. Those are answered 503 `store_unavailable` (the request may succeed later, and
 * nothing of it was saved) and make readiness fail (storeHealth.ts); anything else stays a 500.
 */
export function isStoreUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if (matches(e)) return true;
    const inner = (e as { errors?: unknown }).errors; // AggregateError: one connection error per address tried
    if (Array.isArray(inner) && inner.some(matches)) return true;
  }
  return false;
}

/** SQLite result codes (better-sqlite3's `code`, extended codes included: SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED…). */
const SQLITE_CODES = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN)/;
/**
 * PostgreSQL SQLSTATEs: class 08 connection exceptions, class 53 insufficient resources (53100
 * disk full), 57P01–57P03 the server shutting down or starting, 25006 a read-only transaction
 * (a standby), 58030 an I/O error.
 */
const PG_STATES = /^(08|53)...$|^57P0[1-3]$|^25006$|^58030$/;
/** The operating system's word for a network or disk that is not there. */
const SYSTEM_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ENOSPC', 'EROFS', 'EIO', 'EDQUOT']);
/** node-postgres reports a dropped or unobtainable connection in words only, without a code. */
const PG_MESSAGES = /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable/i;

function matches(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && (SQLITE_CODES.test(code) || PG_STATES.test(code) || SYSTEM_CODES.has(code))) return true;
  return PG_MESSAGES.test(e.message);
}
