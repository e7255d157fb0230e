import { ERROR_CODES, type Ack, type PulseAnswer } from '../../lib/protocol';
import type { ParticipantRow, Store } from '../store/storeTypes';
import type { WorkshopStates } from './workshopStates';

/**
 * The closing pulse: once the workshop has ended, each person may say how it was for them
 * (1–5 and an optional word), and change it. One answer per person, stored by person only so
 * it can be changed; the summary never shows who (lib/pulseSummary.ts).
 */
export class PulseService {
  constructor(
    private readonly store: Store,
    private readonly states: WorkshopStates,
    private readonly now: () => number = Date.now,
  ) {}

  async answer(participant: ParticipantRow, answer: PulseAnswer): Promise<Ack<{ answer: PulseAnswer }>> {
    const live = await this.states.get(participant.workshopCode);
    if (!live) return { ok: false, code: ERROR_CODES.workshopNotFound, message: 'No such workshop.' };
    if (live.state.phase !== 'ended') return { ok: false, code: ERROR_CODES.badRequest, message: 'The closing question opens when the workshop ends.' };
    await this.store.savePulse({ participantId: participant.id, workshopCode: participant.workshopCode, score: answer.score, word: answer.word, updatedAt: this.now() });
    return { ok: true, answer };
  }

  async mine(participant: ParticipantRow): Promise<Ack<{ answer: PulseAnswer | null }>> {
    const row = await this.store.getPulse(participant.id);
    return { ok: true, answer: row ? { score: row.score, word: row.word } : null };
  }
}
