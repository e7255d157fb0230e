/**
 * Names shared by the PostgreSQL store's modules. The schema itself is made by the migrations
 * in migrations/ (see migratePg.ts).
 */

/** Tables a deletion touches; VACUUMed afterwards so dead tuples do not linger (see pgReclaim.ts). */
export const PG_DELETION_TABLES = ['doc_updates', 'doc_snapshots', 'doc_stats', 'wall_items', 'pulse_answers', 'participants', 'couples', 'workshops'] as const;

/**
 * Advisory locks are keyed by a 64-bit hash of a name under this prefix
 * (pg_advisory_xact_lock(hashtextextended(name, 0))), so they read as what they guard.
 */
export const LOCK_PREFIX = 'twofold.';
