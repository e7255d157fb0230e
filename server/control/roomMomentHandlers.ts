import { ERROR_CODES, hostChimePayload, hostSpotlightPayload, pulseAnswerPayload } from '../../lib/protocol';
import { z } from 'zod';
import type { Log } from '../infra/log';
import type { Store } from '../store/storeTypes';
import type { PulseService } from '../workshop/pulse';
import type { SpotlightService } from '../workshop/spotlight';
import { command } from './command';
import type { TwofoldSocket } from './socketTypes';

export interface RoomMomentDeps {
  store: Store;
  spotlight: SpotlightService;
  pulse: PulseService;
  log: Log;
}

/** The facilitator's spotlight and chime switch, for the workshop of the authenticated host key only. */
export function registerHostMomentHandlers(socket: TwofoldSocket, code: string, deps: RoomMomentDeps): void {
  const { spotlight, log } = deps;
  socket.on('host:spotlight', command(log, 'host:spotlight', hostSpotlightPayload, ({ id }) => spotlight.spotlight(code, id)));
  socket.on('host:chime', command(log, 'host:chime', hostChimePayload, ({ on }) => spotlight.chime(code, on)));
}

const nobody = { ok: false as const, code: ERROR_CODES.unauthorized, message: 'This person is no longer in the workshop.' };

/** A person's closing pulse: their own answer only, read and written by their own socket. */
export function registerParticipantMomentHandlers(socket: TwofoldSocket, participantId: string, deps: RoomMomentDeps): void {
  const { store, pulse, log } = deps;
  // Re-read on every command: the facilitator may have removed this person meanwhile.
  const me = () => store.getParticipant(participantId);
  socket.on(
    'pulse:answer',
    command(log, 'pulse:answer', pulseAnswerPayload, async (answer) => {
      const p = await me();
      return p ? pulse.answer(p, answer) : nobody;
    }),
  );
  socket.on(
    'pulse:mine',
    command(log, 'pulse:mine', z.strictObject({}), async () => {
      const p = await me();
      return p ? pulse.mine(p) : nobody;
    }),
  );
}
