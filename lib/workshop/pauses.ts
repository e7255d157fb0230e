import type { Seat } from '../protocol/http';
import type { CommandResult } from './commands';
import type { CouplePause, WorkshopState } from './state';

/**
 * A couple's pause, for when it gets hard: either partner asks with one tap, the partner's
 * phone and the console see it, the facilitator can acknowledge it, and only the partner who
 * asked lifts it. The console learns that a couple asked, never why; the summary counts
 * pauses per exercise, never which couple.
 */

const refuse = (code: 'bad_request' | 'forbidden' | 'not_found' | 'workshop_ended', message: string): CommandResult => ({ ok: false, code, message });

export function pauseOf(state: WorkshopState, coupleId: string): CouplePause | null {
  return state.pauses?.[coupleId] ?? null;
}

/** A partner asks for a pause (`paused`), or the partner who asked resumes. */
export function applyPause(state: WorkshopState, coupleId: string, seat: Seat, paused: boolean, now: number): CommandResult {
  if (state.phase === 'ended') return refuse('workshop_ended', 'This workshop has ended.');
  const current = pauseOf(state, coupleId);
  if (paused) {
    if (state.phase !== 'exercise') return refuse('bad_request', 'No exercise is running.');
    // The partner asking too changes nothing: the couple is already pausing, and it stays the first asker's to lift.
    if (current) return { ok: true, state };
    const step = state.step;
    return {
      ok: true,
      state: {
        ...state,
        pauses: { ...state.pauses, [coupleId]: { seat, step, at: now, acknowledged: false } },
        pauseCounts: { ...state.pauseCounts, [step]: (state.pauseCounts?.[step] ?? 0) + 1 },
        version: state.version + 1,
      },
    };
  }
  if (!current) return { ok: true, state };
  if (current.seat !== seat) return refuse('forbidden', 'Only the partner who asked for the pause can resume.');
  const rest = { ...state.pauses };
  delete rest[coupleId];
  return { ok: true, state: { ...state, pauses: rest, version: state.version + 1 } };
}

/** The facilitator has seen a couple's pause: their phones say so. */
export function applyPauseAck(state: WorkshopState, coupleId: string): CommandResult {
  if (state.phase === 'ended') return refuse('workshop_ended', 'This workshop has ended.');
  const current = pauseOf(state, coupleId);
  if (!current) return refuse('not_found', 'This couple has not asked for a pause.');
  if (current.acknowledged) return { ok: true, state };
  return { ok: true, state: { ...state, pauses: { ...state.pauses, [coupleId]: { ...current, acknowledged: true } }, version: state.version + 1 } };
}

/** Pauses asked during one agenda step, for the summary. */
export const pausesDuring = (state: WorkshopState, step: number): number => state.pauseCounts?.[step] ?? 0;
