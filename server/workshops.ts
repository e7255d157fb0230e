import { PAIR_CODE_LENGTH, ROOM_CODE_LENGTH } from '../lib/codes';
import { ERROR_CODES, type ErrorCode, type Seat, type WorkshopPublic } from '../lib/protocol';
import type { RoomEvents } from './roomEvents';
import { hashSecret, newCode, newId, newSecret } from './secrets';
import type { CoupleRow, ParticipantRow, SeatResult, Store, WorkshopRow } from './store/types';

const MAX_CODE_ATTEMPTS = 8;

export const toPublic = (w: WorkshopRow): WorkshopPublic => ({ code: w.code, title: w.title, status: w.status });

/**
 * Workshops, participants and couples: the rules of who sits where. HTTP
 * routes and socket handlers call this; it talks to the store and announces
 * changes on RoomEvents.
 */
export class WorkshopService {
  constructor(
    private readonly store: Store,
    private readonly events: RoomEvents,
    private readonly now: () => number = Date.now,
  ) {}

  async createWorkshop(title: string): Promise<{ workshop: WorkshopRow; hostKey: string }> {
    const hostKey = newSecret();
    for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt++) {
      const workshop: WorkshopRow = {
        code: newCode(ROOM_CODE_LENGTH),
        title,
        hostKeyHash: hashSecret(hostKey),
        status: 'open',
        createdAt: this.now(),
      };
      if (await this.store.getWorkshop(workshop.code)) continue;
      await this.store.createWorkshop(workshop);
      return { workshop, hostKey };
    }
    throw new Error('could not find a free room code');
  }

  getWorkshop(code: string): Promise<WorkshopRow | null> {
    return this.store.getWorkshop(code);
  }

  async authenticateHost(code: string, hostKey: string): Promise<WorkshopRow | null> {
    const workshop = await this.store.getWorkshop(code);
    return workshop && workshop.hostKeyHash === hashSecret(hostKey) ? workshop : null;
  }

  async join(workshopCode: string, name: string): Promise<{ participant: ParticipantRow; token: string }> {
    const token = newSecret();
    const participant: ParticipantRow = {
      id: newId(),
      workshopCode,
      name,
      tokenHash: hashSecret(token),
      coupleId: null,
      seat: null,
      createdAt: this.now(),
    };
    await this.store.createParticipant(participant);
    this.events.emit('roster', workshopCode, []);
    return { participant, token };
  }

  authenticate(token: string): Promise<ParticipantRow | null> {
    return this.store.getParticipantByTokenHash(hashSecret(token));
  }

  /** Partner A: a new couple with a fresh pair code, A in seat a. */
  async startCouple(participant: ParticipantRow): Promise<SeatResult> {
    if (participant.coupleId) {
      const couple = await this.store.getCouple(participant.coupleId);
      if (couple) return { ok: true, couple, seat: participant.seat as Seat };
    }
    for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt++) {
      try {
        const result = await this.store.createCouple(this.newCouple(participant.workshopCode), participant.id);
        if (result.ok) this.events.emit('roster', participant.workshopCode, [result.couple.id]);
        return result;
      } catch (err) {
        if (!isUniqueViolation(err)) throw err; // pair code taken in this room: draw another
      }
    }
    throw new Error('could not find a free pair code');
  }

  /** Partner B: takes the free seat of the couple with this pair code. */
  async joinCouple(participant: ParticipantRow, pairCode: string): Promise<SeatResult> {
    const result = await this.store.joinCoupleByPairCode(participant.workshopCode, pairCode, participant.id);
    if (result.ok) this.events.emit('roster', participant.workshopCode, [result.couple.id]);
    return result;
  }

  /** Facilitator pairs two people by hand. */
  async pair(workshopCode: string, participantIds: [string, string]): Promise<SeatResult> {
    for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt++) {
      try {
        const result = await this.store.pairParticipants(this.newCouple(workshopCode), participantIds);
        if (result.ok) this.events.emit('roster', workshopCode, [result.couple.id]);
        return result;
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
    }
    throw new Error('could not find a free pair code');
  }

  /** A couple and whoever sits in it (one or two people), or null if it is gone. */
  async coupleRoster(coupleId: string): Promise<{ couple: CoupleRow; members: ParticipantRow[] } | null> {
    const couple = await this.store.getCouple(coupleId);
    if (!couple) return null;
    return { couple, members: await this.store.listCoupleMembers(coupleId) };
  }

  private newCouple(workshopCode: string): CoupleRow {
    return {
      id: newId(),
      workshopCode,
      pairCode: newCode(PAIR_CODE_LENGTH),
      createdAt: this.now(),
      entryCount: 0,
      lastActivityAt: null,
    };
  }
}

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

export type SeatRefusal = Exclude<SeatResult, { ok: true }>['reason'];

/** The documented error for each way of not getting a seat. */
export function seatRefusal(reason: SeatRefusal): { code: ErrorCode; message: string } {
  switch (reason) {
    case 'not_found':
      return { code: ERROR_CODES.pairCodeNotFound, message: 'No couple has this pair code. Check the code on your partner’s phone.' };
    case 'couple_full':
      return { code: ERROR_CODES.coupleFull, message: 'This couple already has two partners.' };
    case 'already_paired':
      return { code: ERROR_CODES.alreadyPaired, message: 'Already in a couple.' };
    case 'cannot_pair_self':
      return { code: ERROR_CODES.cannotPairSelf, message: 'Pick two different people.' };
  }
}
