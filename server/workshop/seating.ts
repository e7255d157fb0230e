import { PAIR_CODE_LENGTH, ROOM_CODE_LENGTH } from '../../lib/codes';
import { ERROR_CODES, type ErrorCode, type Seat, type WorkshopPublic } from '../../lib/protocol';
import type { RoomEvents } from './roomEvents';
import { hashSecret, newCode, newId, newSecret, reviewSecretOf } from '../infra/secrets';
import { expiresAt } from '../../lib/retentionPolicy';
import type { AgendaItem } from '../../lib/catalogue/agenda';
import { DEFAULT_LOCALE, type Locale } from '../../lib/i18n/locales';
import { initialWorkshopState, type WorkshopState } from '../../lib/workshop/state';
import type { CoupleRow, ParticipantRow, SeatResult, Store, WorkshopRow } from '../store/storeTypes';

const MAX_CODE_ATTEMPTS = 8;

export const toPublic = (w: Pick<WorkshopRow, 'code' | 'title' | 'state' | 'retentionDays' | 'locale'>): WorkshopPublic => ({
  code: w.code,
  title: w.title,
  status: w.state.phase === 'ended' ? 'ended' : 'open',
  retentionDays: w.retentionDays,
  locale: w.locale,
});

/**
 * Workshops, participants and couples: the rules of who sits where. HTTP
 * routes and socket handlers call this; it talks to the store and announces
 * changes on RoomEvents.
 */
export class WorkshopService {
  constructor(
    private readonly store: Store,
    private readonly events: RoomEvents,
    private readonly boards: { discardCouple(coupleId: string): Promise<unknown> },
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Deletes a couple and everything it wrote. Rows go first (no new
   * connection can authorize), then loaded boards are closed without saving,
   * then the doc rows once more, in case an edit landed in between.
   */
  private async deleteCouple(coupleId: string): Promise<void> {
    await this.store.deleteCouple(coupleId);
    await this.boards.discardCouple(coupleId);
    await this.store.deleteCouple(coupleId);
  }

  async createWorkshop(title: string, agenda: AgendaItem[], retentionDays: number, locale: Locale = DEFAULT_LOCALE): Promise<{ workshop: WorkshopRow; hostKey: string }> {
    const hostKey = newSecret();
    for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt++) {
      const createdAt = this.now();
      const workshop: WorkshopRow = {
        code: newCode(ROOM_CODE_LENGTH),
        title,
        hostKeyHash: hashSecret(hostKey),
        agenda,
        state: initialWorkshopState(),
        retentionDays,
        locale,
        peakOnline: 0,
        createdAt,
        expiresAt: expiresAt(createdAt, null, retentionDays),
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

  /** Callers check first that the room takes joins (see `joinRefusal`). */
  async join(workshopCode: string, name: string): Promise<{ participant: ParticipantRow; token: string }> {
    const token = newSecret();
    const participant: ParticipantRow = {
      id: newId(),
      workshopCode,
      name,
      tokenHash: hashSecret(token),
      reviewHash: hashSecret(reviewSecretOf(token)),
      coupleId: null,
      seat: null,
      createdAt: this.now(),
    };
    await this.store.createParticipant(participant);
    this.events.emit('roster', workshopCode, []);
    return { participant, token };
  }

  /** A participant by id (a board ticket names one), or null if they were removed or deleted. */
  participant(id: string): Promise<ParticipantRow | null> {
    return this.store.getParticipant(id);
  }

  authenticate(token: string): Promise<ParticipantRow | null> {
    return this.store.getParticipantByTokenHash(hashSecret(token));
  }

  /** The participant whose personal review link carries this secret. */
  byReviewSecret(secret: string): Promise<ParticipantRow | null> {
    return this.store.getParticipantByReviewHash(hashSecret(secret));
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

  /** Facilitator removes someone (a duplicate, a stranger): their token stops working at once. */
  async removeParticipant(workshopCode: string, participantId: string): Promise<boolean> {
    const participant = await this.store.getParticipant(participantId);
    if (!participant || participant.workshopCode !== workshopCode) return false;
    await this.store.deleteParticipant(participantId);
    // Their couple went with its last member: close its loaded boards, then delete once more whatever an edit wrote meanwhile.
    if (participant.coupleId && !(await this.store.getCouple(participant.coupleId))) {
      await this.boards.discardCouple(participant.coupleId);
      await this.store.deleteCouple(participant.coupleId);
    }
    this.events.emit('roster', workshopCode, participant.coupleId ? [participant.coupleId] : []);
    this.events.emit('removed', workshopCode, participantId);
    return true;
  }

  /**
   * Deletes a couple's board and everything it wrote: the facilitator undoing
   * a wrong pairing ('unpaired': both go back to the room's list, seats
   * freed), or a partner deleting their board ('deleted': the partners' names
   * and tokens go too, first, so no credential of theirs opens anything
   * while the rest is deleted). Both phones are told, and told who did it (`deletedBy`: the
   * partner whose review link deleted it).
   */
  async removeCouple(workshopCode: string, coupleId: string, reason: 'unpaired' | 'deleted', deletedBy: string | null = null): Promise<string[] | null> {
    const couple = await this.store.getCouple(coupleId);
    if (!couple || couple.workshopCode !== workshopCode) return null;
    const members = await this.store.listCoupleMembers(coupleId);
    if (reason === 'deleted') for (const member of members) await this.store.deleteParticipant(member.id);
    await this.deleteCouple(coupleId);
    this.events.emit('roster', workshopCode, []);
    this.events.emit('coupleRemoved', workshopCode, coupleId, members.map((m) => m.id), reason, deletedBy);
    return members.map((m) => m.id);
  }

  /** Deletes a whole workshop: its people, couples, boards and wall. Every socket of it is told and closed. */
  async deleteWorkshop(code: string, by: 'facilitator' | 'retention'): Promise<boolean> {
    if (!(await this.store.getWorkshop(code))) return false;
    const couples = await this.store.listCouples(code);
    await this.store.deleteWorkshop(code);
    for (const couple of couples) {
      await this.boards.discardCouple(couple.id);
      await this.store.deleteCouple(couple.id); // an edit that landed during the discard
    }
    this.events.emit('workshopDeleted', code, couples.map((c) => c.id), by);
    return true;
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

/** Why a room does not take new people right now, or null if it does. */
export function joinRefusal(state: WorkshopState): { code: ErrorCode; message: string } | null {
  if (state.phase === 'ended') return { code: ERROR_CODES.workshopEnded, message: 'This workshop has ended.' };
  if (!state.joinsOpen) return { code: ERROR_CODES.joinsClosed, message: 'The facilitator has closed this room to new people.' };
  return null;
}
