import { ERROR_CODES, hostCommandSchema, hostPairPayload, hostRemovePayload, hostUnpairPayload, hostWallPayload } from '../../lib/protocol';
import type { WorkshopStates } from '../workshop/workshopStates';
import type { Log } from '../infra/log';
import type { WallService } from '../workshop/wall';
import { seatRefusal, type WorkshopService } from '../workshop/seating';
import { command } from './command';
import type { TwofoldSocket } from './socketTypes';

/** The facilitator's commands. Every one acts on the workshop of the authenticated host key only. */
export function registerHostHandlers(socket: TwofoldSocket, code: string, deps: { workshops: WorkshopService; states: WorkshopStates; wall: WallService; log: Log }): void {
  const { workshops, states, wall, log } = deps;

  socket.on(
    'host:command',
    command(log, 'host:command', hostCommandSchema, async (cmd) => {
      const result = await states.hostCommand(code, cmd);
      return result.ok ? { ok: true, version: result.state.version } : result;
    }),
  );

  socket.on(
    'host:pair',
    command(log, 'host:pair', hostPairPayload, async ({ participantIds }) => {
      const result = await workshops.pair(code, participantIds);
      if (result.ok) return { ok: true, coupleId: result.couple.id };
      if (result.reason === 'not_found') return { ok: false, code: ERROR_CODES.notFound, message: 'One of these people is not in this room.' };
      return { ok: false, ...seatRefusal(result.reason) };
    }),
  );

  socket.on(
    'host:unpair',
    command(log, 'host:unpair', hostUnpairPayload, async ({ coupleId }) => {
      const members = await workshops.removeCouple(code, coupleId, 'unpaired');
      return members ? { ok: true } : { ok: false, code: ERROR_CODES.notFound, message: 'No such couple in this room.' };
    }),
  );

  socket.on(
    'host:remove',
    command(log, 'host:remove', hostRemovePayload, async ({ participantId }) => {
      const removed = await workshops.removeParticipant(code, participantId);
      return removed ? { ok: true } : { ok: false, code: ERROR_CODES.notFound, message: 'No such person in this room.' };
    }),
  );

  socket.on(
    'host:wall',
    command(log, 'host:wall', hostWallPayload, ({ id, action }) => wall.moderate(code, id, action)),
  );
}
