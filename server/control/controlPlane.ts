import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import {
  ERROR_CODES,
  handshakeAuthSchema,
  hostPairPayload,
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from '../../lib/protocol';
import type { Config } from '../config';
import type { Log } from '../log';
import type { RoomEvents } from '../roomEvents';
import type { Store } from '../store/types';
import { seatRefusal, type WorkshopService } from '../workshops';
import { Presence } from './presence';
import { buildHostSnapshot, buildSelfState } from './views';

type TwofoldServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type TwofoldSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const hostRoom = (code: string) => `host:${code}`;
const participantRoom = (id: string) => `p:${id}`;

/** A connect error the client can read: `err.message` is the code, `err.data.message` explains. */
function refusal(code: string, message: string): Error {
  return Object.assign(new Error(code), { data: { code, message } });
}

/**
 * The control plane on Socket.IO: who is online, the facilitator's console
 * and commands. It sends names, presence and counts; board content never
 * passes through here.
 */
export function createControlPlane(deps: { httpServer: HttpServer; store: Store; workshops: WorkshopService; events: RoomEvents; config: Config; log: Log }) {
  const { httpServer, store, workshops, events, config, log } = deps;
  const io: TwofoldServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    destroyUpgrade: false, // upgrades on other paths are routed by server/upgrades.ts
    maxHttpBufferSize: config.limits.maxSocketIoMessageBytes,
    cors: { origin: false },
  });
  const presence = new Presence();
  const snapshotTimers = new Map<string, NodeJS.Timeout>();
  let snapshotVersion = 0;

  io.use(async (socket, next) => {
    const auth = handshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) return next(refusal(ERROR_CODES.badRequest, 'The handshake needs role, protocol and credentials.'));
    if (auth.data.protocol !== PROTOCOL_VERSION) {
      return next(refusal(ERROR_CODES.protocolMismatch, `This server speaks protocol ${PROTOCOL_VERSION}; reload the page.`));
    }
    try {
      if (auth.data.role === 'host') {
        const workshop = await workshops.authenticateHost(auth.data.code, auth.data.hostKey);
        if (!workshop) return next(refusal(ERROR_CODES.unauthorized, 'This host link is not valid.'));
        socket.data = { role: 'host', code: workshop.code };
      } else {
        const participant = await workshops.authenticate(auth.data.token);
        if (!participant) return next(refusal(ERROR_CODES.unauthorized, 'This seat is not known here.'));
        socket.data = { role: 'participant', participantId: participant.id, code: participant.workshopCode };
      }
      next();
    } catch (err) {
      log.error('socket authentication failed', err);
      next(refusal(ERROR_CODES.internal, 'Something went wrong on the server.'));
    }
  });

  io.on('connection', (socket) => {
    if (socket.data.role === 'host') onHost(socket, socket.data.code);
    else onParticipant(socket, socket.data.participantId, socket.data.code);
  });

  function onHost(socket: TwofoldSocket, code: string): void {
    void socket.join(hostRoom(code));
    void sendHostSnapshot(code, socket);
    socket.on('host:pair', async (payload, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = hostPairPayload.safeParse(payload);
      if (!parsed.success) return ack({ ok: false, code: ERROR_CODES.invalidBody, message: 'Choose two people to pair.' });
      try {
        const result = await workshops.pair(code, parsed.data.participantIds);
        if (!result.ok) return ack({ ok: false, ...seatRefusal(result.reason) });
        ack({ ok: true, coupleId: result.couple.id });
      } catch (err) {
        log.error('host:pair failed', err);
        ack({ ok: false, code: ERROR_CODES.internal, message: 'Something went wrong on the server.' });
      }
    });
  }

  function onParticipant(socket: TwofoldSocket, participantId: string, code: string): void {
    void socket.join(participantRoom(participantId));
    const cameOnline = presence.add(participantId);
    void sendSelfState(participantId);
    if (cameOnline) void presenceChanged(participantId, code);
    socket.on('disconnect', () => {
      if (presence.remove(participantId)) void presenceChanged(participantId, code);
    });
  }

  /** Tells the partner and the console that someone came or went. */
  async function presenceChanged(participantId: string, code: string): Promise<void> {
    const participant = await store.getParticipant(participantId);
    if (participant?.coupleId) await sendCoupleStates(participant.coupleId);
    scheduleHostSnapshot(code);
  }

  async function sendSelfState(participantId: string): Promise<void> {
    const state = await buildSelfState(store, presence, participantId);
    if (state) io.to(participantRoom(participantId)).emit('self:state', state);
  }

  async function sendCoupleStates(coupleId: string): Promise<void> {
    const members = await store.listCoupleMembers(coupleId);
    await Promise.all(members.map((m) => sendSelfState(m.id)));
  }

  async function sendHostSnapshot(code: string, to?: TwofoldSocket): Promise<void> {
    const snapshot = await buildHostSnapshot(store, presence, code, ++snapshotVersion);
    if (!snapshot) return;
    if (to) to.emit('host:snapshot', snapshot);
    else io.to(hostRoom(code)).emit('host:snapshot', snapshot);
  }

  /** Coalesces bursts (a room typing at once) into one snapshot per throttle window. */
  function scheduleHostSnapshot(code: string): void {
    if (snapshotTimers.has(code)) return;
    if (!io.sockets.adapter.rooms.get(hostRoom(code))?.size) return; // nobody is watching
    const timer = setTimeout(() => {
      snapshotTimers.delete(code);
      sendHostSnapshot(code).catch((err) => log.error('host snapshot failed', err));
    }, config.timing.hostSnapshotThrottleMs);
    snapshotTimers.set(code, timer);
  }

  events.on('roster', (code, coupleIds) => {
    scheduleHostSnapshot(code);
    for (const id of coupleIds) sendCoupleStates(id).catch((err) => log.error('couple state failed', err));
  });
  events.on('boardActivity', (code) => scheduleHostSnapshot(code));

  return {
    io,
    presence,
    async close(): Promise<void> {
      for (const timer of snapshotTimers.values()) clearTimeout(timer);
      snapshotTimers.clear();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
