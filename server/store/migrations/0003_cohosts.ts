import type { Migration } from './index';

/**
 * 3: co-hosts. The facilitator invites people to run the room with them; each has a secret link
 * whose key is stored only as a hash (like the host key). `number` is the co-host's place in the
 * order of invitation ("Co-host 2"), never reused, so a revoked co-host's number stays theirs.
 * Revoking keeps the row (the facilitator's list shows it revoked); deleting the workshop
 * deletes its co-hosts with it (ON DELETE CASCADE).
 */
const table = (bigint: string) => `
  CREATE TABLE IF NOT EXISTS cohosts (
    id TEXT PRIMARY KEY,
    workshop_code TEXT NOT NULL REFERENCES workshops(code) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    name TEXT,
    created_at ${bigint} NOT NULL,
    revoked_at ${bigint},
    UNIQUE (workshop_code, number)
  );
`;

export const cohosts: Migration = {
  version: 3,
  name: 'cohosts',
  sqlite: table('INTEGER'),
  postgres: table('BIGINT'),
};
