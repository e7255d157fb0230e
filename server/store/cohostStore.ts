/** A co-host as stored (migration 0003): the key only as its hash. */
export interface CohostRow {
  id: string;
  workshopCode: string;
  number: number;
  keyHash: string;
  name: string | null;
  createdAt: number;
  revokedAt: number | null;
}

export interface CohostRecord {
  id: string;
  workshop_code: string;
  number: number;
  key_hash: string;
  name: string | null;
  created_at: number;
  revoked_at: number | null;
}

export const toCohost = (r: CohostRecord): CohostRow => ({
  id: r.id,
  workshopCode: r.workshop_code,
  number: r.number,
  keyHash: r.key_hash,
  name: r.name,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

/** The store's co-host methods (both stores implement them: sqliteCohosts.ts, pgCohosts.ts). */
export interface CohostStore {
  /**
   * Adds a co-host with the next number of its workshop, unless the workshop already has
   * `maxActive` co-hosts not revoked (or is gone): decided in one transaction, so two invites at
   * once cannot both take the last place or the same number.
   */
  createCohost(row: Omit<CohostRow, 'number' | 'revokedAt'>, maxActive: number): Promise<CohostRow | 'limit' | 'not_found'>;
  /** Every co-host of a workshop, revoked ones too, in the order they were invited. */
  listCohosts(workshopCode: string): Promise<CohostRow[]>;
  /** The co-host whose key has this hash, revoked or not (the caller checks). */
  getCohostByKeyHash(keyHash: string): Promise<CohostRow | null>;
  setCohostName(id: string, name: string): Promise<void>;
  /** Marks it revoked at `at`; false if there is no such co-host in this workshop, or it was revoked already. */
  revokeCohost(workshopCode: string, id: string, at: number): Promise<boolean>;
}
