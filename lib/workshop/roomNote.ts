import type { CommandResult } from './commands';
import type { WorkshopState } from './state';

/**
 * The facilitator's short line to every phone ("Two more minutes, then we gather"): one at a
 * time, replaced by the next, cleared with null. Not a chat: nobody answers it. The text is
 * validated at the boundary (roomNotePayload: one line, capped).
 */
export function applyRoomNote(state: WorkshopState, text: string | null, now: number): CommandResult {
  if (state.phase === 'ended') return { ok: false, code: 'workshop_ended', message: 'This workshop has ended.' };
  if (text === null && !state.note) return { ok: true, state };
  if (text !== null && state.note?.text === text) return { ok: true, state };
  return { ok: true, state: { ...state, note: text === null ? null : { text, at: now }, version: state.version + 1 } };
}
