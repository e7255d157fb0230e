import type { CommandResult } from './commands';
import type { WorkshopState } from './state';

/**
 * The facilitator's room moments as pure rules. Whether `id` is an approved entry of this
 * workshop is the server's check (server/workshop/spotlight.ts): it needs the store.
 */
export function applySpotlight(state: WorkshopState, id: string | null): CommandResult {
  if (state.phase === 'ended') return { ok: false, code: 'workshop_ended', message: 'This workshop has ended.' };
  if ((state.spotlight ?? null) === id) return { ok: true, state };
  return { ok: true, state: { ...state, spotlight: id, version: state.version + 1 } };
}

export function applyChime(state: WorkshopState, on: boolean): CommandResult {
  if (state.phase === 'ended') return { ok: false, code: 'workshop_ended', message: 'This workshop has ended.' };
  if (chimeOn(state) === on) return { ok: true, state };
  return { ok: true, state: { ...state, chimeOff: !on, version: state.version + 1 } };
}

export const chimeOn = (state: WorkshopState): boolean => state.chimeOff !== true;
