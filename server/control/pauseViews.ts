import type { PauseSummary, PauseView, RoomNoteView } from '../../lib/protocol';
import { pauseOf } from '../../lib/workshop/pauses';
import type { WorkshopState } from '../../lib/workshop/state';

/**
 * A couple's pause and the facilitator's note as each audience sees them. The couple's phones
 * learn which partner asked (only they resume); the console only that the couple asked; the
 * projector and other couples nothing. After the end there is nothing to pause.
 */
export function pauseView(state: WorkshopState, coupleId: string): PauseView | null {
  const pause = state.phase === 'ended' ? null : pauseOf(state, coupleId);
  return pause && { by: pause.seat, since: pause.at, acknowledged: pause.acknowledged };
}

export function pauseSummary(state: WorkshopState, coupleId: string): PauseSummary | null {
  const pause = state.phase === 'ended' ? null : pauseOf(state, coupleId);
  return pause && { since: pause.at, acknowledged: pause.acknowledged };
}

export function roomNoteView(state: WorkshopState): RoomNoteView | null {
  return state.phase === 'ended' ? null : (state.note ?? null);
}
