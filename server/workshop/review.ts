import { boardDocName, privateDocName, type Seat } from '../../lib/protocol';
import { buildReview } from '../../lib/review/build';
import type { ReviewData } from '../../lib/review/reviewData';
import { isRevealed } from '../../lib/workshop/state';
import type { BoardRegistry } from '../boards/registry';
import type { WorkshopStates } from './workshopStates';
import type { CoupleRow, ParticipantRow, Store } from '../store/storeTypes';
import type { WorkshopService } from './seating';

export interface LoadedReview {
  participant: ParticipantRow;
  couple: CoupleRow;
  data: ReviewData;
}

/**
 * A couple's board for reading afterwards, found by one partner's review
 * secret. It is read from the stored docs, never from the live console.
 */
export class ReviewService {
  constructor(
    private readonly store: Store,
    private readonly workshops: WorkshopService,
    private readonly states: WorkshopStates,
    private readonly boards: BoardRegistry,
  ) {}

  async load(secret: string): Promise<LoadedReview | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return null;
    const participant = await this.workshops.byReviewSecret(secret);
    if (!participant?.coupleId || !participant.seat) return null;
    const [couple, workshop, live] = await Promise.all([
      this.store.getCouple(participant.coupleId),
      this.store.getWorkshop(participant.workshopCode),
      this.states.get(participant.workshopCode),
    ]);
    if (!couple || !workshop || !live) return null;
    const members = await this.store.listCoupleMembers(couple.id);
    const privateNames = live.agenda
      .filter((item) => item.privateFirst)
      .flatMap((item) => (['a', 'b'] as Seat[]).map((seat) => privateDocName(couple.id, item.key, seat)));
    const boardName = boardDocName(couple.id);
    const data = await this.boards.readMany([boardName, ...privateNames], (docs) =>
      buildReview({
        workshop: {
          title: workshop.title,
          startedAt: live.state.stepLog[0]?.startedAt ?? workshop.createdAt,
          endedAt: live.state.endedAt,
          retentionDays: workshop.retentionDays,
          locale: workshop.locale,
        },
        agenda: live.agenda,
        people: members.map((m) => ({ name: m.name, seat: m.seat as Seat })),
        viewer: participant.seat as Seat,
        revealed: (step) => isRevealed(live.state, couple.id, step),
        docs: {
          board: docs.get(boardName)!,
          privateDoc: (itemKey, seat) => docs.get(privateDocName(couple.id, itemKey, seat)) ?? null,
        },
      }),
    );
    return { participant, couple, data };
  }
}
