import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { syncFrame } from './craftedUpdates';

/**
 * A crafted board client, raw `ws` and `yjs` as an attacker writes one: it syncs a replica of
 * the board as y-websocket does (answers the server's sync step 1, asks for the server's
 * state), then sends whatever bytes it is told to. It records every update it hears, so a
 * partner's copy shows exactly what the server relayed.
 */
export function rawBoardClient(url: string) {
  const doc = new Y.Doc();
  const ws = new WebSocket(url);
  /** Updates (sync step 2 excluded) the server sent after the sync: what was relayed. */
  const heard: Uint8Array[] = [];
  let onSynced: () => void = () => undefined;
  const synced = new Promise<void>((resolve) => (onSynced = resolve));
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  ws.on('error', () => undefined);
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) !== 0) return; // presence, not board content
    const subtype = decoding.readVarUint(d);
    const payload = decoding.readVarUint8Array(d);
    if (subtype === 0) {
      ws.send(syncFrame(1, Y.encodeStateAsUpdate(doc, payload)));
      ws.send(syncFrame(0, Y.encodeStateVector(doc)));
      return;
    }
    if (subtype === 2) heard.push(payload);
    Y.applyUpdate(doc, payload, 'server');
    if (subtype === 1) onSynced();
  });
  return {
    ws,
    doc,
    heard,
    synced: () => synced,
    closed,
    /** Sends an update as the provider does (sync message, update). */
    async sendUpdate(update: Uint8Array) {
      await opened;
      ws.send(syncFrame(2, update));
    },
    async sendRaw(frame: Uint8Array) {
      await opened;
      ws.send(frame);
    },
    close: () => ws.terminate(),
  };
}

export type RawBoardClient = ReturnType<typeof rawBoardClient>;
