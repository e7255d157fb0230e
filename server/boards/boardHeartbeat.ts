import type { WebSocket, WebSocketServer } from 'ws';

/**
 * How many turns one heartbeat interval is cut into. Pinging every socket at once wrote one frame
 * per open board in a single stretch of the event loop (7–31 ms at 500 phones, measured in
 * docs/perf/fanout.md), as long as a whole facilitator broadcast and every interval; in turns,
 * each stretch holds a twentieth of the sockets.
 */
const HEARTBEAT_TURNS = 20;

/**
 * Pings every board socket each `intervalMs` and cuts the ones that did not answer the previous
 * ping. A phone that vanished without closing (dead Wi-Fi, a locked phone) leaves a half-open
 * socket that would otherwise keep its board loaded, its presence shown and its connection slot
 * taken until TCP gives up, minutes later; cut, its 'close' frees all three. Browsers and the
 * stock provider on `ws` answer pings by themselves (RFC 6455 pong), so a live phone never misses
 * one. Each socket is given one of HEARTBEAT_TURNS turns when first seen (in rotation, so a room
 * that reconnects at once is still spread) and is pinged on its turn, once per interval: a socket
 * is first pinged within one interval of opening, and a vanished one is cut one to two intervals
 * after its last answer, as when all were pinged together. Returns the function that stops it.
 */
export function startBoardHeartbeat(wss: WebSocketServer, intervalMs: number): () => void {
  const awaitingPong = new WeakSet<WebSocket>();
  const answered = function (this: WebSocket) {
    awaitingPong.delete(this);
  };
  const turnOf = new WeakMap<WebSocket, number>();
  let nextTurn = 0;
  let turn = 0;
  const timer = setInterval(
    () => {
      turn = (turn + 1) % HEARTBEAT_TURNS;
      for (const ws of wss.clients) {
        let mine = turnOf.get(ws);
        if (mine === undefined) {
          mine = nextTurn;
          nextTurn = (nextTurn + 1) % HEARTBEAT_TURNS;
          turnOf.set(ws, mine);
          ws.on('pong', answered);
        }
        if (mine !== turn) continue;
        if (awaitingPong.has(ws)) {
          ws.terminate();
          continue;
        }
        awaitingPong.add(ws);
        ws.ping();
      }
    },
    Math.max(1, Math.round(intervalMs / HEARTBEAT_TURNS)),
  );
  timer.unref();
  return () => clearInterval(timer);
}
