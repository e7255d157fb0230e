import type { WebSocket, WebSocketServer } from 'ws';

/**
 * Pings every board socket each `intervalMs` and cuts the ones that did not answer the previous
 * ping. A phone that vanished without closing (dead Wi-Fi, a locked phone) leaves a half-open
 * socket that would otherwise keep its board loaded, its presence shown and its connection slot
 * taken until TCP gives up, minutes later; cut, its 'close' frees all three. Browsers and the
 * stock provider on `ws` answer pings by themselves (RFC 6455 pong), so a live phone never misses
 * one. A vanished socket is cut after one to two intervals. Returns the function that stops it.
 */
export function startBoardHeartbeat(wss: WebSocketServer, intervalMs: number): () => void {
  const awaitingPong = new WeakSet<WebSocket>();
  const answered = function (this: WebSocket) {
    awaitingPong.delete(this);
  };
  const watched = new WeakSet<WebSocket>();
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (!watched.has(ws)) {
        watched.add(ws);
        ws.on('pong', answered);
      }
      if (awaitingPong.has(ws)) {
        ws.terminate();
        continue;
      }
      awaitingPong.add(ws);
      ws.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
