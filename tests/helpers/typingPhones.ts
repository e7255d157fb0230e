import * as decoding from 'lib0/decoding';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addEntry, listAllEntries } from '../../lib/board/schema';
import { CLOSE_CODES, PROTOCOL_VERSION, type Seat } from '../../lib/protocol';
import { ApiClient } from './apiClient';

/** How often a phone asks for a fresh board ticket (they open /yjs for 60 s, reconnects included), as the app does. */
const TICKET_REFRESH_MS = 20_000;
/** Characters typed into one entry before the phone starts the next. */
const CHARS_PER_ENTRY = 24;
const EXERCISE = 'bring-need';

/**
 * A phone as the load of the rolling-restart and store-failure tests: the stock y-websocket
 * provider (stock back-off, disableBc) and the stock socket.io-client (stock reconnection),
 * both through `baseUrl` (a balancer), typing one character per `type()` call.
 *
 * What the server acknowledged is measured, not assumed: the server sends an update message (an
 * echo, or a relay from another node) only once the update is stored ([R11]). Yjs integrates a
 * client's structs in clock order, so a message carrying this phone's structs up to clock `c`
 * tells that the server holds, stored, every struct of this phone below `c` (`ackedClock`). Each
 * keystroke remembers its clock; the ones below it are acknowledged. The sync answer (step 2) is
 * not counted: it can carry what the server holds in memory but has not stored yet.
 *
 * `outages` are the intervals a phone was without a working connection: for the board, from a
 * close until the next completed sync; for Socket.IO, from disconnect until connect.
 */
export async function startPhone(baseUrl: string, token: string, seat: Seat, now: () => number = Date.now) {
  const api = new ApiClient(baseUrl);
  const access = (await api.me(token)).board!;
  const doc = new Y.Doc();
  const serverUpdates = { count: 0, ackedClock: 0 };
  const provider = new WebsocketProvider(access.serverUrl, access.docName, doc, {
    params: access.params,
    WebSocketPolyfill: tappedWebSocket((update) => {
      serverUpdates.count++;
      const upTo = Y.parseUpdateMeta(update).to.get(doc.clientID) ?? 0;
      if (upTo > serverUpdates.ackedClock) serverUpdates.ackedClock = upTo;
    }) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const outages = { board: [] as number[], control: [] as number[] };
  const offlineSince: { board: number | null; control: number | null } = { board: null, control: null };
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
    offlineSince.board ??= now();
  });
  provider.on('sync', (synced: boolean) => {
    if (!synced || offlineSince.board === null) return;
    outages.board.push(now() - offlineSince.board);
    offlineSince.board = null;
  });
  const renew = async () => {
    provider.params = (await api.boardTicket(token)).params;
  };
  // docs/API.md: a 4419 (the ticket expired, e.g. after an outage longer than its 60 s) is answered with a fresh ticket.
  let destroyed = false;
  const reconnectWithFreshTicket = (): void => {
    if (destroyed) return;
    renew().then(
      () => provider.connect(),
      () => setTimeout(reconnectWithFreshTicket, 500), // the API is unreachable too (a store outage): try again
    );
  };
  provider.on('closed', ({ code }: { code: number }) => {
    if (code === CLOSE_CODES.ticketExpired) reconnectWithFreshTicket();
  });
  const refresher = setInterval(() => void renew().catch(() => undefined), TICKET_REFRESH_MS);

  const control: Socket = io(baseUrl, { path: '/socket.io', transports: ['websocket'], auth: { role: 'participant', protocol: PROTOCOL_VERSION, token }, forceNew: true });
  control.on('disconnect', () => (offlineSince.control ??= now()));
  control.on('connect', () => {
    if (offlineSince.control === null) return;
    outages.control.push(now() - offlineSince.control);
    offlineSince.control = null;
  });

  /** What this phone typed, entry by entry, and each keystroke with the clock of its struct. */
  const typed = new Map<string, string>();
  const keystrokes: Keystroke[] = [];
  let current: { id: string; text: Y.Text } | null = null;
  let entries = 0;
  const prefix = `${access.docName.slice(-6)}-${seat}`;

  return {
    seat,
    doc,
    provider,
    control,
    typed,
    keystrokes,
    outages,
    closeCodes,
    serverUpdates,
    docName: access.docName,
    /** Whether the board is synced and the control socket connected right now. */
    get online(): boolean {
      return provider.synced && control.connected;
    },
    /** Its state, for a failure message. */
    describe() {
      return { doc: access.docName.slice(-8), seat, synced: provider.synced, ws: provider.wsconnected, control: control.connected, acked: this.ackedChars(), closes: closeCodes.slice(-5), serverUpdates: serverUpdates.count };
    },
    /** One keystroke: a character at the end of the phone's current entry, or a new entry. */
    type(): void {
      if (!current || current.text.length >= CHARS_PER_ENTRY) {
        const id = `${prefix}-${entries++}`;
        current = { id, text: addEntry(doc, { id, exercise: EXERCISE, column: seat === 'a' ? 'bring' : 'need', author: seat, createdAt: entries }) };
        typed.set(id, '');
      }
      const char = String.fromCharCode(97 + (current.text.length % 26));
      keystrokes.push({ entryId: current.id, index: current.text.length, clock: Y.getState(doc.store, doc.clientID) });
      current.text.insert(current.text.length, char);
      typed.set(current.id, typed.get(current.id)! + char);
    },
    /** Keystrokes the server acknowledged (see above). */
    ackedChars(): number {
      return keystrokes.filter((k) => k.clock < serverUpdates.ackedClock).length;
    },
    /** The longest interval without a board connection and without a control connection, an open one counted up to now. */
    longestOutage(): { board: number; control: number } {
      const open = (since: number | null) => (since === null ? 0 : now() - since);
      return { board: Math.max(0, open(offlineSince.board), ...outages.board), control: Math.max(0, open(offlineSince.control), ...outages.control) };
    },
    destroy(): void {
      destroyed = true;
      clearInterval(refresher);
      provider.destroy();
      control.close();
      doc.destroy();
    },
  };
}

export type Phone = Awaited<ReturnType<typeof startPhone>>;

interface Keystroke {
  entryId: string;
  /** Position of the character in its entry's text. */
  index: number;
  /** Clock of the struct the keystroke created, in the phone's doc. */
  clock: number;
}

/** Entry id → text of the entries `seat` wrote, as `doc` has them. */
export function ownTexts(doc: Y.Doc, seat: Seat): Map<string, string> {
  return new Map(listAllEntries(doc).filter((e) => e.author === seat).map((e) => [e.id, e.text.toString()]));
}

/** A stored board's content: its snapshot and every update row, as the store returns them. */
export function docFromStore(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

/**
 * Checks one partner's words against a replica (the other phone, the phone itself, the store):
 * every acknowledged keystroke is there (its entry's text holds what was typed up to and with it:
 * a phone only appends), and so is everything the phone typed. Returns the figures.
 */
export function compareWords(phone: Phone, replica: Y.Doc): { acked: number; ackedFound: number; typed: number; typedFound: number } {
  const there = ownTexts(replica, phone.seat);
  const ackedClock = phone.serverUpdates.ackedClock;
  let ackedChars = 0;
  let ackedFound = 0;
  for (const k of phone.keystrokes) {
    if (k.clock >= ackedClock) continue;
    ackedChars++;
    const typedUpToIt = phone.typed.get(k.entryId)!.slice(0, k.index + 1);
    if ((there.get(k.entryId) ?? '').startsWith(typedUpToIt)) ackedFound++;
  }
  let typed = 0;
  let typedFound = 0;
  for (const [id, text] of phone.typed) {
    typed += text.length;
    if (there.get(id) === text) typedFound += text.length;
  }
  return { acked: ackedChars, ackedFound, typed, typedFound };
}

/** `ws` with a tap on what the server sends: sync "update" messages (never step 2) go to `onUpdate`. */
function tappedWebSocket(onUpdate: (update: Uint8Array) => void) {
  return class TappedWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      this.on('message', (data: Buffer | ArrayBuffer) => {
        try {
          const decoder = decoding.createDecoder(new Uint8Array(data));
          if (decoding.readVarUint(decoder) !== 0) return; // not sync
          if (decoding.readVarUint(decoder) !== 2) return; // step 1 or 2, not an update
          onUpdate(decoding.readVarUint8Array(decoder));
        } catch {
          // not ours to judge: the provider reads the same frame
        }
      });
    }
  };
}
