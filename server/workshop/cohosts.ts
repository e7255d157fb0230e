import { cohostHostId, MAX_COHOSTS, type CohostView, type HostId } from '../../lib/protocol';
import type { CohostRow } from '../store/cohostStore';
import type { Store, WorkshopRow } from '../store/storeTypes';
import { hashSecret, newId, newSecret } from '../infra/secrets';
import type { RoomEvents } from './roomEvents';

/** Who a host key belongs to: the facilitator (the workshop's own key) or one of its co-hosts. */
export type HostIdentity = { workshop: WorkshopRow; cohost: CohostRow | null };

export const hostIdOf = (cohost: Pick<CohostRow, 'id'> | null): HostId => (cohost ? cohostHostId(cohost.id) : 'facilitator');

export const cohostView = (row: CohostRow): CohostView => ({ id: row.id, number: row.number, name: row.name, createdAt: row.createdAt, revokedAt: row.revokedAt });

/**
 * Co-hosts of a workshop: invited by the facilitator with a secret link of their own (only its
 * hash is stored, like the host key's), revocable at once. Revoking announces `cohostRevoked`,
 * on which the control plane closes that co-host's consoles; the key is refused from then on
 * because `authenticate` reads the row every time.
 */
export class CohostService {
  constructor(
    private readonly store: Store,
    private readonly events: RoomEvents,
    private readonly now: () => number = Date.now,
  ) {}

  /** The facilitator's key, or a co-host's key that has not been revoked, for this workshop. */
  async authenticate(code: string, key: string): Promise<HostIdentity | null> {
    const workshop = await this.store.getWorkshop(code);
    if (!workshop) return null;
    const hash = hashSecret(key);
    if (workshop.hostKeyHash === hash) return { workshop, cohost: null };
    const cohost = await this.store.getCohostByKeyHash(hash);
    return cohost && cohost.workshopCode === code && cohost.revokedAt === null ? { workshop, cohost } : null;
  }

  /** A new co-host and the key of their link (shown once, never stored). */
  async invite(code: string): Promise<{ cohost: CohostRow; key: string } | 'limit' | 'not_found'> {
    const key = newSecret();
    const created = await this.store.createCohost({ id: newId(), workshopCode: code, keyHash: hashSecret(key), name: null, createdAt: this.now() }, MAX_COHOSTS);
    return typeof created === 'string' ? created : { cohost: created, key };
  }

  list(code: string): Promise<CohostRow[]> {
    return this.store.listCohosts(code);
  }

  /** False when there is no such active co-host in this workshop. */
  async revoke(code: string, cohostId: string): Promise<boolean> {
    const revoked = await this.store.revokeCohost(code, cohostId, this.now());
    if (revoked) this.events.emit('cohostRevoked', code, cohostId);
    return revoked;
  }

  async rename(code: string, cohostId: string, name: string): Promise<void> {
    await this.store.setCohostName(cohostId, name);
    this.events.emit('hostTeam', code);
  }
}
