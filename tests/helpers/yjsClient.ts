import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CLOSE_CODES, type BoardAccess } from '../../lib/protocol';

/**
 * A board client exactly as an outside integrator would write it: the stock
 * y-websocket provider with `ws`, fed by `board` from GET /api/me.
 * disableBc: Node has a global BroadcastChannel, and two providers in one
 * process would otherwise sync through it without the server.
 * `renew` is what docs/API.md tells integrators to do when a connection is
 * refused with 4419 (the ticket expired, e.g. across a server restart): take
 * fresh params from POST /api/me/board-ticket and connect again.
 */
export function connectBoard(board: BoardAccess, doc = new Y.Doc(), opts: { renew?: () => Promise<Record<string, string>> } = {}) {
  const provider = new WebsocketProvider(board.serverUrl, board.docName, doc, {
    params: board.params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
  const { renew } = opts;
  if (renew) {
    provider.on('closed', ({ code }: { code: number }) => {
      if (code !== CLOSE_CODES.ticketExpired) return;
      void renew().then((params) => {
        provider.params = params;
        provider.connect();
      });
    });
  }
  return {
    doc,
    provider,
    synced: () => new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', (s: boolean) => s && resolve()))),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Opens a raw WebSocket to a URL and resolves with the close code the server sends. */
export function closeCodeOf(url: string): Promise<{ code: number; reason: string; messages: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    let messages = 0;
    ws.on('message', () => messages++);
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString(), messages }));
    ws.on('error', reject);
  });
}

/** The /yjs URL of `board` with its params (a board ticket). */
export function boardUrl(board: BoardAccess): string {
  return `${board.serverUrl}/${board.docName}?${new URLSearchParams(board.params)}`;
}
