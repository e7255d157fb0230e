'use client';

import { useEffect, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { observeBoard } from '../../lib/board/schema';
import { CLOSE_CODES, type BoardAccess } from '../../lib/protocol';

export type BoardConnection =
  | 'connecting'
  | 'connected'
  /** Was connected, lost it; y-websocket keeps retrying with back-off. */
  | 'reconnecting'
  /** The server refused this board for good (see CLOSE_CODES); retrying would not help. */
  | 'closed';

export interface Board {
  doc: Y.Doc;
  provider: WebsocketProvider;
  connection: BoardConnection;
  closeCode: number | null;
  /** True once the server's copy has been merged in at least once. */
  synced: boolean;
  /** Rises on every change of entries, text or links: a render trigger, nothing more. */
  version: number;
}

/** Close codes after which reconnecting cannot succeed; everything else (restarts, rate limits) is retried. */
const PERMANENT_CLOSES = new Set<number>([
  CLOSE_CODES.badRequest,
  CLOSE_CODES.unauthorized,
  CLOSE_CODES.forbidden,
  CLOSE_CODES.notFound,
  CLOSE_CODES.boardTooLarge,
]);

/** The page may be https behind a proxy that told the server otherwise; never downgrade the socket. */
function secureIfPageIs(url: string): string {
  return window.location.protocol === 'https:' ? url.replace(/^ws:/, 'wss:') : url;
}

/**
 * A couple's board: one Y.Doc per doc name, kept in IndexedDB (so nothing
 * typed offline is lost, even across a reload) and synced over y-websocket.
 * Everything is created when `access` arrives and destroyed on unmount.
 */
export function useBoard(access: BoardAccess | null): Board | null {
  const [board, setBoard] = useState<Board | null>(null);
  const serverUrl = access?.serverUrl;
  const docName = access?.docName;
  const paramsKey = access ? JSON.stringify(access.params) : null;

  useEffect(() => {
    if (!serverUrl || !docName || !paramsKey) return;
    const doc = new Y.Doc();
    const persistence = new IndexeddbPersistence(docName, doc);
    const provider = new WebsocketProvider(secureIfPageIs(serverUrl), docName, doc, {
      params: JSON.parse(paramsKey) as Record<string, string>,
      shouldReconnect: (event) => !PERMANENT_CLOSES.has(event.code),
    });
    let everConnected = false;
    const update = (patch: Partial<Board>) => setBoard((b) => (b && b.doc === doc ? { ...b, ...patch } : b));

    setBoard({ doc, provider, connection: 'connecting', closeCode: null, synced: false, version: 0 });

    provider.on('status', ({ status }) => {
      if (status === 'connected') everConnected = true;
      if (status === 'connected') update({ connection: 'connected', closeCode: null });
      else update({ connection: everConnected ? 'reconnecting' : 'connecting' });
    });
    provider.on('sync', (isSynced) => {
      if (isSynced) update({ synced: true });
    });
    provider.on('closed', ({ code }) => update({ connection: 'closed', closeCode: code }));

    const stopObserving = observeBoard(doc, () => setBoard((b) => (b && b.doc === doc ? { ...b, version: b.version + 1 } : b)));
    // The local copy may arrive before or after the server's; either way, re-render when it lands.
    void persistence.whenSynced.then(() => setBoard((b) => (b && b.doc === doc ? { ...b, version: b.version + 1 } : b)));

    return () => {
      stopObserving();
      provider.destroy();
      void persistence.destroy();
      doc.destroy();
      setBoard(null);
    };
  }, [serverUrl, docName, paramsKey]);

  return board;
}
