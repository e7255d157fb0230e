'use client';

import { useEffect, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { observeBoard } from '../../lib/board/schema';
import type { BoardAccess } from '../../lib/protocol';
import { CLOSE_CODES } from '../../lib/protocol/closeCodes';
import type { BoardTickets } from './boardTickets';
import { addReconnectJitter, jitteredMaxBackoff } from './reconnectJitter';
import { watchSettledConnection } from './settledConnection';
import { watchSaves } from './watchSaves';

export type BoardConnection =
  | 'connecting'
  | 'connected'
  /**
   * Was connected, lost it; y-websocket keeps retrying with back-off (and jitter: see reconnectJitter.ts).
   * Also while the server cannot save (it closes with 1011): the edits stay on this phone (settledConnection.ts).
   */
  | 'reconnecting'
  /** The server refused this board for good (see CLOSE_CODES); retrying would not help. */
  | 'closed';

export interface Board {
  docName: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  connection: BoardConnection;
  closeCode: number | null;
  /** True once the server's copy has been merged in at least once. */
  synced: boolean;
  /** Every change made on this phone has come back from the server, so it is stored (watchSaves.ts). */
  saved: boolean;
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

interface BoardOptions {
  /**
   * Keep a copy in IndexedDB (default). Only for docs this phone writes into:
   * a partner's revealed private doc is read-only here and has no business
   * staying on this phone.
   */
  persist?: boolean;
  /**
   * Where fresh board tickets come from (boardTickets.ts). Without it the
   * provider uses `access.params` as they are, for every reconnect.
   */
  tickets?: BoardTickets;
}

/**
 * One board doc (the couple's shared board, or a private-first exercise's
 * private doc): one Y.Doc per doc name, kept in IndexedDB (so nothing typed
 * offline is lost, even across a reload) and synced over y-websocket.
 * Everything is created when `access` arrives and destroyed on unmount or
 * when the doc name changes.
 */
export function useBoard(access: BoardAccess | null, { persist = true, tickets }: BoardOptions = {}): Board | null {
  const [board, setBoard] = useState<Board | null>(null);
  const serverUrl = access?.serverUrl;
  const docName = access?.docName;
  const paramsKey = access ? JSON.stringify(access.params) : null;

  useEffect(() => {
    if (!serverUrl || !docName || !paramsKey) return;
    const doc = new Y.Doc();
    const persistence = persist ? new IndexeddbPersistence(docName, doc) : null;
    const provider = new WebsocketProvider(secureIfPageIs(serverUrl), docName, doc, {
      params: JSON.parse(paramsKey) as Record<string, string>,
      connect: !tickets,
      shouldReconnect: (event) => !PERMANENT_CLOSES.has(event.code),
      // Each phone backs off to its own ceiling, so a room does not reconnect in lockstep after a restart.
      maxBackoffTime: jitteredMaxBackoff(),
    });
    let gone = false;
    let ticketRetry: ReturnType<typeof setTimeout> | null = null;
    /** Every connection attempt carries a ticket young enough to open it; with no network to get one, try again later. */
    const connectWithTicket = (closeCode?: number) => {
      if (!tickets) return provider.connect();
      if (closeCode === CLOSE_CODES.ticketExpired) tickets.expire();
      tickets.params().then(
        (params) => {
          if (gone) return;
          provider.params = params;
          provider.connect();
        },
        () => {
          if (!gone) ticketRetry = setTimeout(connectWithTicket, jitteredMaxBackoff());
        },
      );
    };
    if (tickets) connectWithTicket();
    const stopJitter = addReconnectJitter(provider, (code) => PERMANENT_CLOSES.has(code), connectWithTicket);
    let everConnected = false;
    const update = (patch: Partial<Board>) => setBoard((b) => (b && b.doc === doc ? { ...b, ...patch } : b));

    setBoard({ docName, doc, provider, connection: 'connecting', closeCode: null, synced: false, saved: true, version: 0 });
    const stopSaves = watchSaves(provider, (saved) => update({ saved }));

    // After a close because the server could not save (1011), "connected" waits until the connection holds (settledConnection.ts).
    const stopWatching = watchSettledConnection(provider, (connected) => {
      if (connected) everConnected = true;
      if (connected) update({ connection: 'connected', closeCode: null });
      else update({ connection: everConnected ? 'reconnecting' : 'connecting' });
    });
    provider.on('sync', (isSynced) => {
      if (isSynced) update({ synced: true });
    });
    provider.on('closed', ({ code }) => update({ connection: 'closed', closeCode: code }));

    const stopObserving = observeBoard(doc, () => setBoard((b) => (b && b.doc === doc ? { ...b, version: b.version + 1 } : b)));
    // The local copy may arrive before or after the server's; either way, re-render when it lands.
    void persistence?.whenSynced.then(() => setBoard((b) => (b && b.doc === doc ? { ...b, version: b.version + 1 } : b)));

    return () => {
      gone = true;
      if (ticketRetry !== null) clearTimeout(ticketRetry);
      stopObserving();
      stopJitter();
      stopWatching();
      stopSaves();
      provider.destroy();
      void persistence?.destroy();
      doc.destroy();
      setBoard(null);
    };
  }, [serverUrl, docName, paramsKey, persist, tickets]);

  // For the one render between a new doc name and the effect above, the old doc must not pass for the new one.
  return board && board.docName === docName ? board : null;
}
