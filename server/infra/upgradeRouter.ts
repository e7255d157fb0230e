import type { IncomingMessage } from 'node:http';
import type { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { YJS_PATH_PREFIX } from '../boards/endpoint';

/**
 * Every WebSocket upgrade is routed here by path, so Next.js and engine.io
 * never see (and never close) sockets that are not theirs:
 *   /yjs/…       → the board endpoint
 *   /socket.io/… → left to engine.io, which has its own upgrade listener
 *   /_next/…     → Next.js (hot reload in development)
 *   anything else is refused.
 */
export function createUpgradeRouter(routes: {
  boards: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  next: EventEmitter | null;
}) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = (req.url ?? '/').split('?')[0];
    if (path.startsWith(YJS_PATH_PREFIX)) return routes.boards(req, socket, head);
    if (path.startsWith('/socket.io/')) return;
    if (path.startsWith('/_next/') && routes.next) {
      routes.next.emit('upgrade', req, socket, head);
      return;
    }
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  };
}
