import { ERROR_CODES, handshakeAuthSchema, PROTOCOL_VERSION } from '../../lib/protocol';
import type { ConnectionCounter } from '../infra/connectionCounter';
import type { ClientAddressOf } from '../infra/clientAddress';
import type { Log } from '../infra/log';
import { countRejection } from '../infra/prometheus';
import { isStoreUnavailable } from '../store/storeFailure';
import type { WorkshopService } from '../workshop/seating';
import type { CohostService } from '../workshop/cohosts';
import type { WorkshopStates } from '../workshop/workshopStates';
import type { TwofoldServer } from './socketTypes';

/** A connect error the client can read: `err.message` is the code, `err.data.message` explains. */
function refusal(code: string, message: string): Error {
  return Object.assign(new Error(code), { data: { code, message } });
}

/**
 * Who may open a control socket: an address below its connection limit, then a
 * valid handshake (role, protocol version, credentials). A refused socket
 * never connects, so it is never counted as open.
 */
export function guardHandshakes(
  io: TwofoldServer,
  deps: { workshops: WorkshopService; cohosts: CohostService; states: WorkshopStates; connections: ConnectionCounter; addressOf: ClientAddressOf; maxConnectionsPerIp: number; log: Log },
): void {
  const { workshops, cohosts, states, connections, log } = deps;

  io.use((socket, next) => {
    if (connections.count(deps.addressOf(socket.request)) >= deps.maxConnectionsPerIp) {
      countRejection('connections_per_ip');
      return next(refusal(ERROR_CODES.rateLimited, 'Too many connections from this address.'));
    }
    next();
  });

  io.use(async (socket, next) => {
    const auth = handshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) return next(refusal(ERROR_CODES.badRequest, 'The handshake needs role, protocol and credentials.'));
    if (auth.data.protocol !== PROTOCOL_VERSION) {
      return next(refusal(ERROR_CODES.protocolMismatch, `This server speaks protocol ${PROTOCOL_VERSION}; reload the page.`));
    }
    try {
      const a = auth.data;
      if (a.role === 'host') {
        // The facilitator's key or an active co-host's: a revoked co-host's link is refused here from then on.
        const host = await cohosts.authenticate(a.code, a.hostKey);
        if (!host) return next(refusal(ERROR_CODES.unauthorized, 'This host link is not valid.'));
        socket.data = host.cohost ? { role: 'host', code: host.workshop.code, cohostId: host.cohost.id } : { role: 'host', code: host.workshop.code };
      } else if (a.role === 'projector') {
        if (!(await states.get(a.code))) return next(refusal(ERROR_CODES.workshopNotFound, 'No workshop has this code.'));
        socket.data = { role: 'projector', code: a.code };
      } else {
        const participant = await workshops.authenticate(a.token);
        if (!participant) return next(refusal(ERROR_CODES.unauthorized, 'This seat is not known here.'));
        socket.data = { role: 'participant', participantId: participant.id, code: participant.workshopCode };
      }
      next();
    } catch (err) {
      log.error('socket authentication failed', err);
      if (isStoreUnavailable(err)) return next(refusal(ERROR_CODES.storeUnavailable, 'The server cannot reach its store right now; retrying.'));
      next(refusal(ERROR_CODES.internal, 'Something went wrong on the server.'));
    }
  });
}
