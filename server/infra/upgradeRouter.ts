import type { IncomingMessage } from 'node:http';
import type { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { YJS_PATH_PREFIX } from '../boards/endpoint';

/**
 * Every WebSocket upgrade is routed here by path, so Next.js and engine.io
 * never see (and never close) sockets that are not theirs:
 *   /yjs/…       → the board endpoint
 *   /socket.io/… → left to engine.io, which has its own upgrade listener (`socketIo` may admit
 *                  the upgrade of a session that is already authenticated)
 *   /_next/…     → Next.js (hot reload in development)
 *   anything else is refused.
 */
export function createUpgradeRouter(routes: {
  boards: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  next: EventEmitter | null;
  socketIo?: (req: IncomingMessage, socket: Duplex) => void;
  /** Marks a socket as authenticated for the connection gate (server/infra/connectionGate.ts). */
  admit?: (socket: Duplex) => void;
}) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = (req.url ?? '/').split('?')[0];
    if (path.startsWith(YJS_PATH_PREFIX)) return routes.boards(req, socket, head);
    if (path.startsWith('/socket.io/')) return routes.socketIo?.(req, socket);
    if (path.startsWith('/_next/') && routes.next) {
      routes.admit?.(socket); // development only: the reload socket of the developer's own browser
      routes.next.emit('upgrade', req, socket, head);
      return;
    }
    // Destroyed once written: a client that never closes its side must not keep the descriptor.
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n', () => socket.destroy());
  };
}
