import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import { ERROR_CODES, handshakeAuthSchema, PROTOCOL_VERSION } from '../../lib/protocol';
import type { Config } from '../config';
import type { ConnectionCounter } from '../infra/connectionCounter';
import type { WorkshopStates } from '../workshop/workshopStates';
import type { Log } from '../infra/log';
import type { RoomEvents } from '../workshop/roomEvents';
import type { Store } from '../store/storeTypes';
import type { WallService } from '../workshop/wall';
import type { WorkshopService } from '../workshop/seating';
import { registerHostHandlers } from './hostHandlers';
import { registerParticipantHandlers } from './participantHandlers';
import { Presence, type PresenceTracker } from './presence';
import { rooms, type TwofoldServer, type TwofoldSocket } from './socketTypes';
import { buildHostSnapshot, buildProjectorState, buildSelfState, publicWorkshopState } from './views';

/** A connect error the client can read: `err.message` is the code, `err.data.message` explains. */
function refusal(code: string, message: string): Error {
  return Object.assign(new Error(code), { data: { code, message } });
}

export interface ControlDeps {
  httpServer: HttpServer;
  store: Store;
  workshops: WorkshopService;
  states: WorkshopStates;
  wall: WallService;
  events: RoomEvents;
  connections: ConnectionCounter;
  config: Config;
  log: Log;
  /** Set when this is one node of several (server/cluster): the Redis streams adapter and presence across nodes. */
  cluster?: { adapter: ServerOptions['adapter']; presence: PresenceTracker } | null;
}

/**
 * With several nodes, a client whose connection dropped (a node going away, a
 * network blip) gets its session back on whichever node it reaches, with the
 * broadcasts it missed, if it returns within this long; the handshake is
 * authenticated again all the same. A single node does without: it would keep
 * every broadcast in memory for this long, and a reconnecting client is sent
 * the current state anyway.
 */
const RECOVERY_WINDOW_MS = 2 * 60_000;

/**
 * The control plane on Socket.IO: workshop state, presence, the console and
 * commands. It sends public state, names, presence and counts; board content
 * never passes through here (only what a couple agreed to share).
 */
export function createControlPlane(deps: ControlDeps) {
  const { httpServer, store, workshops, states, events, connections, config, log } = deps;
  const io: TwofoldServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    destroyUpgrade: false, // upgrades on other paths are routed by server/infra/upgradeRouter.ts
    maxHttpBufferSize: config.limits.maxSocketIoMessageBytes,
    cors: { origin: false },
    ...(deps.cluster ? { adapter: deps.cluster.adapter, connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: false } } : {}),
  });
  const presence: PresenceTracker = deps.cluster?.presence ?? new Presence();
  const clustered = !!deps.cluster;
  const throttled = new Map<string, NodeJS.Timeout>();
  let snapshotVersion = 0;

  // Checked before authentication, counted once connected: a socket refused later never connects, so never disconnects.
  io.use((socket, next) => {
    if (connections.count(socket.handshake.address) >= config.limits.maxConnectionsPerIp) {
      return next(refusal(ERROR_CODES.rateLimited, 'Too many connections from this address.'));
    }
    next();
  });

  io.use(async (socket, next) => {
    const auth = handshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) return next(refusal(ERROR_CODES.badRequest, 'The handshake needs role, protocol and credentials.'));
    if (auth.data.protocol !== PROTOCOL_VERSION) {
      return next(refusal(ERROR_CODES.protocolMismatch, `This server speaks protocol ${PROTOCOL_VERSION}; reload the page.`));
    }
    try {
      const a = auth.data;
      if (a.role === 'host') {
        const workshop = await workshops.authenticateHost(a.code, a.hostKey);
        if (!workshop) return next(refusal(ERROR_CODES.unauthorized, 'This host link is not valid.'));
        socket.data = { role: 'host', code: workshop.code };
      } else if (a.role === 'projector') {
        if (!(await states.get(a.code))) return next(refusal(ERROR_CODES.workshopNotFound, 'No workshop has this code.'));
        socket.data = { role: 'projector', code: a.code };
      } else {
        const participant = await workshops.authenticate(a.token);
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
    const address = socket.handshake.address;
    connections.tryOpen(address);
    socket.once('disconnect', () => connections.close(address));
    // An event this socket's role has no handler for still gets an answer, not silence.
    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = args.at(-1);
      if (socket.listeners(event as never).length === 0 && typeof ack === 'function') {
        ack({ ok: false, code: ERROR_CODES.badRequest, message: `No such command here: ${String(event).slice(0, 40)}` });
      }
    });
    const data = socket.data;
    void socket.join(rooms.workshop(data.code));
    logged(sendWorkshopState(data.code, socket));
    if (data.role === 'host') {
      void socket.join(rooms.host(data.code));
      logged(sendHostSnapshot(data.code, socket));
      registerHostHandlers(socket, data.code, deps);
    } else if (data.role === 'projector') {
      void socket.join(rooms.projector(data.code));
      logged(sendProjectorState(data.code, socket));
    } else {
      onParticipant(socket, data.participantId, data.code);
    }
  });

  function onParticipant(socket: TwofoldSocket, participantId: string, code: string): void {
    void socket.join(rooms.participant(participantId));
    registerParticipantHandlers(socket, participantId, deps);
    const cameOnline = presence.add(participantId);
    logged(sendSelfState(participantId));
    if (cameOnline) logged(presenceChanged(participantId, code));
    if (cameOnline) logged(notePeak(code));
    socket.on('disconnect', () => {
      if (presence.remove(participantId)) logged(presenceChanged(participantId, code));
    });
  }

  /** Tells the partner and the console that someone came or went. */
  async function presenceChanged(participantId: string, code?: string): Promise<void> {
    const participant = await store.getParticipant(participantId);
    if (participant?.coupleId) await sendCoupleStates(participant.coupleId);
    const workshopCode = code ?? participant?.workshopCode;
    if (workshopCode) schedule('host', workshopCode);
  }

  /** Remembers the most people online at once, for the session summary. */
  async function notePeak(code: string): Promise<void> {
    const people = await store.listParticipants(code);
    await store.notePeakOnline(code, people.filter((p) => presence.isOnline(p.id)).length);
  }

  async function sendWorkshopState(code: string, to?: TwofoldSocket): Promise<void> {
    const live = await states.get(code);
    const workshop = await store.getWorkshop(code);
    if (!live || !workshop) return;
    const state = publicWorkshopState(code, workshop.title, live, Date.now());
    (to ?? io.to(rooms.workshop(code))).emit('workshop:state', state);
  }

  async function sendSelfState(participantId: string): Promise<void> {
    const state = await buildSelfState(store, presence, participantId, (code) => states.get(code));
    if (state) io.to(rooms.participant(participantId)).emit('self:state', state);
  }

  async function sendCoupleStates(coupleId: string): Promise<void> {
    const members = await store.listCoupleMembers(coupleId);
    await Promise.all(members.map((m) => sendSelfState(m.id)));
  }

  async function sendHostSnapshot(code: string, to?: TwofoldSocket): Promise<void> {
    const live = await states.get(code);
    // Across nodes the versions of different senders must still rise: the clock keeps them in order.
    snapshotVersion = clustered ? Math.max(snapshotVersion + 1, Date.now()) : snapshotVersion + 1;
    const snapshot = live && (await buildHostSnapshot(store, presence, code, live, snapshotVersion, Date.now()));
    if (snapshot) (to ?? io.to(rooms.host(code))).emit('host:snapshot', snapshot);
  }

  async function sendProjectorState(code: string, to?: TwofoldSocket): Promise<void> {
    const live = await states.get(code);
    if (live) (to ?? io.to(rooms.projector(code))).emit('projector:state', await buildProjectorState(store, code, live));
  }

  /** Coalesces bursts (a room typing at once) into one console or projector update per throttle window. */
  function schedule(audience: 'host' | 'projector', code: string): void {
    const key = `${audience}:${code}`;
    if (throttled.has(key)) return;
    const room = audience === 'host' ? rooms.host(code) : rooms.projector(code);
    if (!clustered && !io.sockets.adapter.rooms.get(room)?.size) return; // nobody is watching (here; other nodes cannot be asked cheaply)
    const timer = setTimeout(() => {
      throttled.delete(key);
      const send = audience === 'host' ? sendHostSnapshot(code) : sendProjectorState(code);
      send.catch((err) => log.error(`${audience} update failed`, err));
    }, config.timing.hostSnapshotThrottleMs);
    throttled.set(key, timer);
  }

  const logged = (p: Promise<unknown>) => p.catch((err) => log.error('control broadcast failed', err));

  events.on('roster', (code, coupleIds) => {
    schedule('host', code);
    schedule('projector', code);
    for (const id of coupleIds) logged(sendCoupleStates(id));
  });
  events.on('boardActivity', (code) => schedule('host', code));
  events.on('workshopState', (code, affected) => {
    logged(sendWorkshopState(code));
    schedule('host', code);
    schedule('projector', code);
    if (affected === 'all') logged(store.listParticipants(code).then((ps) => Promise.all(ps.map((p) => sendSelfState(p.id)))));
    else for (const id of affected) logged(sendCoupleStates(id));
  });
  events.on('wall', (code, coupleId) => {
    schedule('host', code);
    schedule('projector', code);
    logged(sendCoupleStates(coupleId));
  });
  events.on('removed', (_code, participantId) => {
    io.to(rooms.participant(participantId)).emit('self:removed', { reason: 'removed' });
    io.in(rooms.participant(participantId)).disconnectSockets(true);
  });
  events.on('coupleRemoved', (_code, _coupleId, memberIds, reason) => {
    for (const id of memberIds) logged(sendSelfState(id));
    for (const id of memberIds) io.to(rooms.participant(id)).emit('self:removed', { reason });
  });
  events.on('workshopDeleted', (code) => {
    states.drop(code);
    io.to(rooms.workshop(code)).emit('self:removed', { reason: 'deleted' });
    io.in(rooms.workshop(code)).disconnectSockets(true);
  });

  return {
    io,
    presence,
    /** People who went offline without this node seeing it (their node vanished). */
    wentOffline(participantIds: string[]): void {
      for (const id of participantIds) logged(presenceChanged(id));
    },
    async close(): Promise<void> {
      for (const timer of throttled.values()) clearTimeout(timer);
      throttled.clear();
      // No disconnectSockets(): a server-initiated disconnect tells clients not to come back; a closed
      // transport makes them reconnect (with Socket.IO's jittered backoff) to the restarted server.
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
