import { ERROR_CODES, pauseAckPayloadSchema, pausePayloadSchema, roomNotePayloadSchema } from '../../lib/protocol';
import { applyPause, applyPauseAck } from '../../lib/workshop/pauses';
import { applyRoomNote } from '../../lib/workshop/roomNote';
import type { Log } from '../infra/log';
import type { Store } from '../store/storeTypes';
import type { WorkshopStates } from '../workshop/workshopStates';
import { command } from './command';
import type { TwofoldSocket } from './socketTypes';

/**
 * A couple's pause (asked and lifted from the phones, acknowledged from the console) and the
 * facilitator's note to every phone. Like "ready", each is server state in the workshop's
 * stored state, so it survives reloads, restarts and a change of node.
 */
export function registerPauseHandlers(socket: TwofoldSocket, participantId: string, deps: { store: Store; states: WorkshopStates; log: Log }): void {
  const { store, states, log } = deps;
  socket.on(
    'pause',
    command(log, 'pause', pausePayloadSchema, async ({ paused }) => {
      // Re-read: the facilitator may have unpaired this person meanwhile.
      const p = await store.getParticipant(participantId);
      if (!p?.coupleId || !p.seat) return { ok: false, code: ERROR_CODES.forbidden, message: 'Join a couple first.' };
      const { coupleId, seat } = p;
      const result = await states.change(p.workshopCode, (state, now) => applyPause(state, coupleId, seat, paused, now), [coupleId]);
      return result.ok ? { ok: true } : result;
    }),
  );
}

export function registerHostPauseHandlers(socket: TwofoldSocket, code: string, deps: { states: WorkshopStates; log: Log }): void {
  const { states, log } = deps;
  socket.on(
    'host:pauseAck',
    command(log, 'host:pauseAck', pauseAckPayloadSchema, async ({ coupleId }) => {
      const result = await states.change(code, (state) => applyPauseAck(state, coupleId), [coupleId]);
      return result.ok ? { ok: true } : result;
    }),
  );
  socket.on(
    'host:note',
    command(log, 'host:note', roomNotePayloadSchema, async ({ text }) => {
      const result = await states.change(code, (state, now) => applyRoomNote(state, text, now), []);
      return result.ok ? { ok: true, version: result.state.version } : result;
    }),
  );
}
