import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { Server, type ServerOptions } from 'socket.io';
import { ERROR_CODES } from '../../lib/protocol';
import type { Config } from '../config';
import type { ConnectionCounter } from '../infra/connectionCounter';
import type { ClientAddressOf } from '../infra/clientAddress';
import type { Log } from '../infra/log';
import type { Store } from '../store/storeTypes';
import { TIMING } from '../tunables';
import type { RoomEvents } from '../workshop/roomEvents';
import type { WorkshopService } from '../workshop/seating';
import type { CohostService } from '../workshop/cohosts';
import type { WallService } from '../workshop/wall';
import type { WorkshopStates } from '../workshop/workshopStates';
import { AudienceThrottle } from './audienceThrottle';
import { Broadcasts } from './broadcasts';
import { CoupleChanges } from './coupleChanges';
import { EventBudgets } from './eventBudget';
import { guardHandshakes } from './handshake';
import { registerHostHandlers } from './hostHandlers';
import { HostTeams } from './hostTeam';

import { registerHostMomentHandlers, registerParticipantMomentHandlers } from './roomMomentHandlers';
import { PulseService } from '../workshop/pulse';
import { SpotlightService } from '../workshop/spotlight';
import { registerParticipantHandlers } from './participantHandlers';
import { registerHostPauseHandlers, registerPauseHandlers } from './pauseHandlers';
import { ParticipantPresence } from './participantPresence';
import { Presence, type PresenceTracker } from './presence';
import { subscribeToRoomEvents } from './roomSubscriptions';
import { releasingHeldRequests } from './heldRequests';
import { rooms, type TwofoldServer, type TwofoldSocket } from './socketTypes';

export interface ControlDeps {
  httpServer: HttpServer;
  store: Store;
  workshops: WorkshopService;
  cohosts: CohostService;
  states: WorkshopStates;
  wall: WallService;
  events: RoomEvents;
  connections: ConnectionCounter;
  /** The client's address for connection counts (server/infra/clientAddress.ts: TRUST_PROXY). */
  addressOf: ClientAddressOf;
  /** Tells the connection gate that this socket is authenticated (server/infra/connectionGate.ts). */
  admit?: (socket: Duplex) => void;
  config: Config;
  log: Log;
  now: () => number;
  /** Set when this is one node of several (server/cluster): the Redis streams adapter and presence across nodes. */
  cluster?: { adapter: ServerOptions['adapter']; presence: PresenceTracker } | null;
}

/**
 * The control plane on Socket.IO: workshop state, presence, the console and
 * commands. It sends public state, names, presence and counts; board content
 * never passes through here (only what a couple agreed to share).
 *
 *   handshake.ts          who may connect
 *   broadcasts.ts         what each audience is sent (views.ts, selfStates.ts build it)
 *   audienceThrottle.ts   console and projector updates coalesced
 *   participantPresence   online/offline as partners and the console see it
 *   roomSubscriptions.ts  which room event tells whom
 *   coupleChanges.ts      a couple's ready taps and reveals told once per window
 *   eventBudget.ts        how many events a person may send
 *   host/participantHandlers.ts  the commands each role may send
 *   hostTeam.ts           who is hosting (facilitator, co-hosts); a revoked co-host's consoles closed
 */
export function createControlPlane(deps: ControlDeps) {
  const { httpServer, store, states, events, config, log } = deps;
  const clustered = !!deps.cluster;
  const io: TwofoldServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    destroyUpgrade: false, // upgrades on other paths are routed by server/infra/upgradeRouter.ts
    maxHttpBufferSize: config.limits.maxSocketIoMessageBytes,
    // A connection that never completes the Socket.IO handshake is closed after this (default 45 s); its descriptor is freed by
    // the connection gate at the same time (a closing WebSocket would otherwise wait 30 s for a client that never answers).
    connectTimeout: config.timing.authTimeoutMs,
    // A control socket that stopped answering (a vanished phone) is dropped within the two together, so it shows offline in time ([R70]).
    pingInterval: config.timing.controlPingIntervalMs,
    pingTimeout: config.timing.controlPingTimeoutMs,
    cors: { origin: false },
    // A single node does without recovery: it would keep every broadcast in memory for the window,
    // and a reconnecting client is sent the current state anyway.
    ...(deps.cluster
      ? { adapter: deps.cluster.adapter, connectionStateRecovery: { maxDisconnectionDuration: TIMING.socketRecoveryWindowMs, skipMiddlewares: false } }
      : {}),
  });
  const presence: PresenceTracker = deps.cluster?.presence ?? new Presence();
  const send = new Broadcasts(io, { store, states, presence, clustered, now: deps.now, log });
  const views = new AudienceThrottle(io, send, { throttleMs: config.timing.hostSnapshotThrottleMs, clustered });
  const online = new ParticipantPresence(presence, { store, send, views });
  const coupleChanges = new CoupleChanges(send, config.timing.coupleBroadcastWindowMs);
  const budgets = new EventBudgets(config.limits);
  const team = new HostTeams(io, deps);

  const moments = { store, log, spotlight: new SpotlightService(store, states, events), pulse: new PulseService(store, states, deps.now) };
  /** Engine.IO session ids whose Socket.IO handshake passed: their later upgrade (polling → WebSocket) is theirs. */
  const sessions = new Set<string>();

  guardHandshakes(io, { ...deps, maxConnectionsPerIp: config.limits.maxConnectionsPerIp });
  const releaseHeldRequest = releasingHeldRequests(io);
  io.on('connection', (socket) => onConnection(socket));
  subscribeToRoomEvents(events, { io, send, views, coupleChanges, states });

  function onConnection(socket: TwofoldSocket): void {
    const address = deps.addressOf(socket.request);
    deps.connections.tryOpen(address);
    const session = socket.conn.transport.sid;
    sessions.add(session);
    deps.admit?.(socket.request.socket);
    releaseHeldRequest(socket);
    socket.once('disconnect', () => {
      deps.connections.close(address);
      sessions.delete(session);
    });
    const data = socket.data;
    budgets.guard(socket, data.role === 'participant' ? `p:${data.participantId}` : `s:${socket.id}`);
    answerUnknownEvents(socket);
    log.debug(`control: ${data.role === 'participant' ? `participant ${data.participantId}` : data.role} connected to workshop ${data.code}`);
    void socket.join(rooms.workshop(data.code));
    send.logged(send.workshopState(data.code, undefined, socket));
    if (data.role === 'host') {
      void socket.join(rooms.host(data.code));
      send.logged(send.hostSnapshot(data.code, socket));
      registerHostHandlers(socket, data.code, deps);
      team.connected(socket, data.code);

      registerHostPauseHandlers(socket, data.code, deps);

      registerHostMomentHandlers(socket, data.code, moments);
    } else if (data.role === 'projector') {
      void socket.join(rooms.projector(data.code));
      send.logged(send.projectorState(data.code, socket));
    } else {
      void socket.join(rooms.participant(data.participantId));
      registerParticipantHandlers(socket, data.participantId, deps);
      registerPauseHandlers(socket, data.participantId, deps);

      registerParticipantMomentHandlers(socket, data.participantId, moments);
      online.connected(socket, data.participantId, data.code);
    }
  }

  return {
    io,
    presence,
    /** People who went offline without this node seeing it (their node vanished). */
    wentOffline: (participantIds: string[]) => online.wentOffline(participantIds),
    /** An upgrade on /socket.io/: one that moves an authenticated session to WebSocket counts as authenticated. */
    onUpgrade(req: IncomingMessage, socket: Duplex): void {
      const sid = new URL(req.url ?? '/', 'http://localhost').searchParams.get('sid');
      if (sid && sessions.has(sid)) deps.admit?.(socket);
    },
    async close(): Promise<void> {
      views.close();
      coupleChanges.close();
      budgets.close();
      // No disconnectSockets(): a server-initiated disconnect tells clients not to come back; a closed
      // transport makes them reconnect (with Socket.IO's jittered backoff) to the restarted server.
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

/** An event this socket's role has no handler for still gets an answer, not silence (after the budget: it costs one too). */
function answerUnknownEvents(socket: TwofoldSocket): void {
  socket.use(([event, ...args], next) => {
    if (socket.listeners(event as never).length > 0) return next();
    const ack = args.at(-1);
    if (typeof ack === 'function') ack({ ok: false, code: ERROR_CODES.badRequest, message: `No such command here: ${String(event).slice(0, 40)}` });
  });
}

