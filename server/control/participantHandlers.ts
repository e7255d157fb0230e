import { ERROR_CODES, readyPayloadSchema, shareAnswerPayload, shareProposePayload } from '../../lib/protocol';
import type { WorkshopStates } from '../workshop/workshopStates';
import type { Log } from '../infra/log';
import type { Store } from '../store/storeTypes';
import type { WallService } from '../workshop/wall';
import { command } from './command';
import type { TwofoldSocket } from './socketTypes';

const notSeated = { ok: false as const, code: ERROR_CODES.forbidden, message: 'Join a couple first.' };

/** A partner's intents: ready for the reveal, share an entry with the room, answer a partner's proposal. */
export function registerParticipantHandlers(socket: TwofoldSocket, participantId: string, deps: { store: Store; states: WorkshopStates; wall: WallService; log: Log }): void {
  const { store, states, wall, log } = deps;
  // Re-read on every command: the facilitator may have removed or unpaired this person meanwhile.
  const me = () => store.getParticipant(participantId);

  socket.on(
    'ready',
    command(log, 'ready', readyPayloadSchema, async ({ ready }) => {
      const p = await me();
      if (!p?.coupleId || !p.seat) return notSeated;
      const result = await states.ready(p.workshopCode, p.coupleId, p.seat, ready);
      return result.ok ? { ok: true } : result;
    }),
  );

  socket.on(
    'share:propose',
    command(log, 'share:propose', shareProposePayload, async ({ docName, entryId }) => {
      const p = await me();
      return p ? wall.propose(p, docName, entryId) : notSeated;
    }),
  );

  socket.on(
    'share:answer',
    command(log, 'share:answer', shareAnswerPayload, async ({ id, agree }) => {
      const p = await me();
      return p ? wall.answer(p, id, agree) : notSeated;
    }),
  );
}
