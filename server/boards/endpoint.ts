import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { CLOSE_CODES, parseDocName, type CloseCode, type Seat } from '../../lib/protocol';
import { isRevealed } from '../../lib/workshop/state';
import type { WorkshopStates } from '../workshop/workshopStates';
import type { RoomEvents } from '../workshop/roomEvents';
import { SIZES, TIMING, type Limits } from '../tunables';
import type { Log } from '../infra/log';
import type { WorkshopService } from '../workshop/seating';
import type { BoardConnection, LiveBoard } from './liveBoard';
import { TokenBucket } from '../infra/tokenBucket';
import { countRejection } from '../infra/prometheus';
import type { ConnectionCounter } from '../infra/connectionCounter';
import type { BoardRegistry } from './registry';
import type { BoardTickets } from '../infra/ticketSigner';
import type { ClientAddressOf } from '../infra/clientAddress';
import { startBoardHeartbeat } from './boardHeartbeat';
import { COOLING_DOWN_REASON, participantOfUpgrade } from './boardCredentials';
import { FrameBudgets } from './frameBudget';

export const YJS_PATH_PREFIX = '/yjs/';
/** Frames a client may send while its board is still loading. */
const MAX_FRAMES_BEFORE_READY = 64;

type Verdict =
  | { ok: true; docName: string; participantId: string; seat: Seat; workshopCode: string; exercises: ReadonlySet<string>; mode: 'write' | 'read'; person: BoardConnection['person'] }
  | { ok: false; code: CloseCode; reason: string };

/**
 * The Yjs endpoint, /yjs/<docName>?ticket=…, speaking the y-websocket protocol.
 * The ticket is checked during the upgrade, before a single sync byte is sent;
 * a refusal completes the handshake only to close with a documented code.
 * Every frame is paid for from its sender's budget (frameBudget.ts) before it is read.
 */
export function createBoardEndpoint(deps: {
  registry: BoardRegistry;
  workshops: WorkshopService;
  states: WorkshopStates;
  events: RoomEvents;
  limits: Limits;
  /** How often every board socket is pinged (Timing.boardHeartbeatMs). */
  heartbeatMs: number;
  connections: ConnectionCounter;
  /** Tells the connection gate that this socket is authenticated (server/infra/connectionGate.ts). */
  admit?: (socket: Duplex) => void;
  /** Board tickets are checked here (server/infra/ticketSigner.ts); the client address comes from the one helper. */
  tickets: BoardTickets;
  addressOf: ClientAddressOf;
  /** How long a participant past their frame budget has new board connections refused. */
  coolDownMs: number;
  log: Log;
}) {
  const { registry, workshops, states, events, limits, connections, log } = deps;
  /** Open board sockets per participant, so removing someone cuts them off at once. */
  const byParticipant = new Map<string, Set<WebSocket>>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxYjsMessageBytes, perMessageDeflate: false });
  /** Set by close(): the code every later connection is closed with. */
  let stopping: CloseCode | null = null;
  const stopHeartbeat = startBoardHeartbeat(wss, deps.heartbeatMs);
  const budgets = new FrameBudgets(limits, deps.coolDownMs);
  /**
   * Sockets this side has closed. Their later frames are not read: ws keeps delivering frames
   * until the client answers the close, and a hostile one never does (it is cut after 1 s).
   */
  const closing = new WeakSet<WebSocket>();

  function shut(ws: WebSocket, code: CloseCode, reason: string): void {
    if (closing.has(ws)) return;
    closing.add(ws);
    refuse(ws, code, reason);
  }

  /** Past a budget: every board socket of the person closes with 4329, and new ones are refused for the cool-down. */
  function cutOff(participantId: string, limit: 'board_frames' | 'board_refusals'): void {
    countRejection(limit);
    log.debug(`board budget: participant ${participantId} cut off (${limit})`);
    for (const ws of byParticipant.get(participantId) ?? []) shut(ws, CLOSE_CODES.rateLimited, 'board budget exceeded');
  }

  async function authorize(req: IncomingMessage): Promise<Verdict> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let docName: string;
    try {
      docName = decodeURIComponent(url.pathname.slice(YJS_PATH_PREFIX.length));
    } catch {
      return { ok: false, code: CLOSE_CODES.badRequest, reason: 'bad doc name' };
    }
    const ref = parseDocName(docName);
    if (!ref) return { ok: false, code: CLOSE_CODES.badRequest, reason: 'bad doc name' };
    const credential = await participantOfUpgrade(url.searchParams, { tickets: deps.tickets, workshops, coolingDown: (id) => budgets.coolingDown(id) });
    if (!credential.ok) {
      if (credential.code === CLOSE_CODES.rateLimited) countRejection('board_cool_down');
      return credential;
    }
    const { participant } = credential;
    const forbidden: Verdict = { ok: false, code: CLOSE_CODES.forbidden, reason: 'not your board' };
    if (participant.coupleId !== ref.coupleId) return forbidden;
    const live = await states.get(participant.workshopCode);
    if (!live || !participant.seat) return { ok: false, code: CLOSE_CODES.notFound, reason: 'workshop gone' };
    // Private docs exist only for the agenda's private-first exercises: no other doc can be opened, written or grow.
    if (ref.kind === 'private' && !live.agenda.some((item) => item.key === ref.itemKey && item.privateFirst)) {
      return { ok: false, code: CLOSE_CODES.notFound, reason: 'no such private exercise' };
    }
    const exercises = new Set(ref.kind === 'private' ? [ref.itemKey] : live.agenda.map((item) => item.key));
    const person = { seat: participant.seat, name: participant.name };
    const granted = { ok: true as const, docName, participantId: participant.id, seat: participant.seat, workshopCode: participant.workshopCode, exercises, person };
    if (ref.kind === 'board' || ref.seat === participant.seat) return { ...granted, mode: 'write' };
    // The partner's private entries: not one byte before the couple's reveal, read-only after.
    const step = live.agenda.findIndex((item) => item.key === ref.itemKey);
    if (step >= 0 && isRevealed(live.state, ref.coupleId, step)) return { ...granted, mode: 'read' };
    if (step < 0 || !states.isShared) return forbidden;
    // Another node may have just revealed it (the phone heard it before this node's cache did): ask the store.
    await states.refresh(participant.workshopCode);
    const fresh = states.peek(participant.workshopCode);
    return fresh && isRevealed(fresh, ref.coupleId, step) ? { ...granted, mode: 'read' } : forbidden;
  }

  function accept(ws: WebSocket, verdict: Extract<Verdict, { ok: true }>): void {
    const { docName, participantId, seat, exercises, workshopCode, mode, person } = verdict;
    log.debug(`board ${docName}: participant ${participantId} connected (${mode})`);
    const mine = byParticipant.get(participantId) ?? new Set();
    mine.add(ws);
    byParticipant.set(participantId, mine);
    const withinBudget = budgets.opened(participantId);
    let board: LiveBoard | null = null;
    let early: Uint8Array[] | null = [];
    let closed = false;
    const conn: BoardConnection = {
      participantId,
      seat,
      exercises,
      person,
      awarenessIds: new Set(),
      awarenessBudget: new TokenBucket(limits.awarenessPerSecond, limits.awarenessPerSecond * 2),
      canWrite() {
        const state = states.peek(workshopCode);
        return mode === 'write' && !!state && !state.locked && state.phase !== 'ended';
      },
      send(data) {
        if (ws.readyState !== WebSocket.OPEN) return;
        if (ws.bufferedAmount > SIZES.maxBufferedBytesPerSocket) return ws.terminate();
        ws.send(data);
      },
      close(code, reason) {
        if (closing.has(ws)) return;
        // A refusal the person has no budget left for cuts them off instead (4329 on every socket of theirs).
        if (budgets.refused(participantId, code)) shut(ws, code, reason);
        else cutOff(participantId, 'board_refusals');
      },
    };
    // A frame ws refused itself (over maxPayload: 1009; broken framing) is a refused frame too.
    ws.on('error', () => conn.close(CLOSE_CODES.messageTooBig, 'frame refused'));
    ws.on('message', (data: RawData) => {
      if (closing.has(ws)) return;
      if (!budgets.spend(participantId, byteLength(data))) return cutOff(participantId, 'board_frames');
      const bytes = toBytes(data);
      if (board) return board.receive(conn, bytes);
      if (!early || early.length >= MAX_FRAMES_BEFORE_READY) {
        if (ws.readyState === WebSocket.OPEN) countRejection('frames_before_sync'); // once: close() moves it to CLOSING
        return conn.close(CLOSE_CODES.rateLimited, 'too many frames before sync');
      }
      early.push(bytes);
    });
    ws.on('close', () => {
      closed = true;
      budgets.closed(participantId);
      mine.delete(ws);
      if (mine.size === 0) byParticipant.delete(participantId);
      if (!board) return;
      board.remove(conn);
      registry.release(docName);
    });
    if (!withinBudget) return cutOff(participantId, 'board_frames'); // closes this socket too; 'close' cleans up
    registry.acquire(docName).then(
      (loaded) => {
        if (closed) return registry.release(docName);
        board = loaded;
        loaded.add(conn);
        for (const bytes of early ?? []) loaded.receive(conn, bytes);
        early = null;
      },
      (err) => {
        log.error(`board ${docName} failed to load`, err);
        conn.close(CLOSE_CODES.internalError, 'board failed to load');
      },
    );
  }

  function closeParticipant(participantId: string): void {
    for (const ws of byParticipant.get(participantId) ?? []) shut(ws, CLOSE_CODES.unauthorized, 'removed from the workshop');
  }
  events.on('removed', (_code, participantId) => closeParticipant(participantId));

  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      socket.on('error', () => socket.destroy());
      const address = deps.addressOf(req);
      const admitted = connections.tryOpen(address);
      if (admitted) socket.once('close', () => connections.close(address));
      else countRejection('connections_per_ip');
      const verdict: Promise<Verdict> = admitted ? authorize(req) : Promise.resolve({ ok: false, code: CLOSE_CODES.rateLimited, reason: 'too many connections' });
      // The listeners above live as long as the socket, and with them every variable of this scope
      // that a closure reads: the request (and `head`) are handed over through `pending`, emptied
      // once used, so a board socket does not hold its upgrade request for its whole life.
      let pending: { req: IncomingMessage; head: Buffer } | null = { req, head };
      verdict
        .catch((err): Verdict => {
          log.error('board authorization failed', err);
          return { ok: false, code: CLOSE_CODES.internalError, reason: 'server error' };
        })
        .then(async (verdict) => {
          if (!verdict.ok && verdict.reason === COOLING_DOWN_REASON) await new Promise((done) => setTimeout(done, TIMING.coolDownAnswerDelayMs));
          const upgrade = pending!;
          pending = null;
          if (socket.destroyed) return;
          wss.handleUpgrade(upgrade.req, socket, upgrade.head, (ws) => {
            ws.on('error', () => ws.terminate()); // e.g. a frame over maxPayload: ws closes with 1009
            if (stopping !== null) return refuse(ws, stopping, 'server stopping');
            if (!verdict.ok) {
              log.debug(`board connection refused: ${verdict.code} ${verdict.reason}`); // never req.url: it carries the ticket
              return refuse(ws, verdict.code, verdict.reason);
            }
            deps.admit?.(socket);
            accept(ws, verdict);
          });
        });
    },
    /** Closes a removed participant's board sockets (another node removed them: server/cluster). */
    closeParticipant,
    /** Open /yjs sockets, for health figures and tests. */
    get connectionCount(): number {
      return wss.clients.size;
    },
    /**
     * Refuses every upgrade from now on, closes the sockets still open (those whose board was still
     * loading) with `code`, gives them a moment to take the close frame, then cuts what is left.
     */
    async close(code: CloseCode = CLOSE_CODES.goingAway): Promise<void> {
      stopping = code;
      stopHeartbeat();
      const open = [...wss.clients];
      for (const ws of open) ws.close(code, 'server stopping');
      const closed = Promise.all(open.map((ws) => (ws.readyState === WebSocket.CLOSED ? null : new Promise((done) => ws.once('close', done)))));
      await Promise.race([closed, new Promise((done) => setTimeout(done, TIMING.refusedSocketGraceMs).unref())]);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      budgets.close();
    },
  };
}

/** Closes with a code the client can read, and does not wait the 30 s ws would give a client that never answers the close. */
function refuse(ws: WebSocket, code: CloseCode, reason: string): void {
  ws.close(code, reason);
  // Cleared at the close, so a socket that answered is not held for the grace (thousands a second while someone cools down).
  const cut = setTimeout(() => ws.terminate(), TIMING.refusedSocketGraceMs).unref();
  ws.once('close', () => clearTimeout(cut));
}

function byteLength(data: RawData): number {
  return Array.isArray(data) ? data.reduce((n, part) => n + part.byteLength, 0) : data.byteLength;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
