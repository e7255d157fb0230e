import { ServerResponse, type IncomingMessage } from 'node:http';
import type { TwofoldServer, TwofoldSocket } from './socketTypes';

type HeldRequest = { req: IncomingMessage | null };

/**
 * Engine.IO keeps the HTTP request that opened a session for the session's whole life: on its
 * socket (`request`), and on the stand-in response it makes for each WebSocket upgrade (a
 * listener on the TCP socket holds that one, also after a polling session upgraded). Nothing reads
 * either once used: the stand-in's request only serves engine middlewares' `setHeader` during the
 * upgrade (this is the only middleware), and the socket's only serves the Socket.IO handshake and
 * the connection handler. Letting go of both frees the request object with its raw headers and
 * parser state, per phone (Socket.IO's memory-usage advice, extended to the upgrade's response).
 * Returns what the connection handler calls once it is done with `socket.request`.
 */
export function releasingHeldRequests(io: TwofoldServer): (socket: TwofoldSocket) => void {
  io.engine.use((_req: IncomingMessage, res: unknown, next: () => void) => {
    next();
    // A polling request's response is Node's own and ends with the request; an upgrade's is engine.io's.
    if (!(res instanceof ServerResponse) && typeof res === 'object' && res !== null && 'req' in res) {
      setImmediate(() => ((res as HeldRequest).req = null));
    }
  });
  return (socket) => {
    (socket.conn as unknown as { request: IncomingMessage | null }).request = null;
  };
}
