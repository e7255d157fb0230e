import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import { ERROR_CODES } from '../../lib/protocol';
import type { Config } from '../config';
import type { ConnectionCounter } from '../infra/connectionCounter';
import type { Log } from '../infra/log';
import type { Store } from '../store/storeTypes';
import { TIMING } from '../tunables';
import type { RoomEvents } from '../workshop/roomEvents';
import type { WorkshopService } from '../workshop/seating';
import type { WallService } from '../workshop/wall';
import type { WorkshopStates } from '../workshop/workshopStates';
import { AudienceThrottle } from './audienceThrottle';
import { Broadcasts } from './broadcasts';
import { guardHandshakes } from './handshake';
import { registerHostHandlers } from './hostHandlers';
import { registerParticipantHandlers } from './participantHandlers';
import { ParticipantPresence } from './participantPresence';
import { Presence, type PresenceTracker } from './presence';
import { subscribeToRoomEvents } from './roomSubscriptions';
import { rooms, type TwofoldServer, type TwofoldSocket } from './socketTypes';

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
 *   host/participantHandlers.ts  the commands each role may send
 */
export function createControlPlane(deps: ControlDeps) {
  const { httpServer, store, states, events, config, log } = deps;
  const clustered = !!deps.cluster;
  const io: TwofoldServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    destroyUpgrade: false, // upgrades on other paths are routed by server/infra/upgradeRouter.ts
    maxHttpBufferSize: config.limits.maxSocketIoMessageBytes,
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

  guardHandshakes(io, { ...deps, maxConnectionsPerIp: config.limits.maxConnectionsPerIp });
  io.on('connection', (socket) => onConnection(socket));
  subscribeToRoomEvents(events, { io, send, views, states });

  function onConnection(socket: TwofoldSocket): void {
    const address = socket.handshake.address;
    deps.connections.tryOpen(address);
    socket.once('disconnect', () => deps.connections.close(address));
    answerUnknownEvents(socket);
    const data = socket.data;
    log.debug(`control: ${data.role === 'participant' ? `participant ${data.participantId}` : data.role} connected to workshop ${data.code}`);
    void socket.join(rooms.workshop(data.code));
    send.logged(send.workshopState(data.code, undefined, socket));
    if (data.role === 'host') {
      void socket.join(rooms.host(data.code));
      send.logged(send.hostSnapshot(data.code, socket));
      registerHostHandlers(socket, data.code, deps);
    } else if (data.role === 'projector') {
      void socket.join(rooms.projector(data.code));
      send.logged(send.projectorState(data.code, socket));
    } else {
      void socket.join(rooms.participant(data.participantId));
      registerParticipantHandlers(socket, data.participantId, deps);
      online.connected(socket, data.participantId, data.code);
    }
  }

  return {
    io,
    presence,
    /** People who went offline without this node seeing it (their node vanished). */
    wentOffline: (participantIds: string[]) => online.wentOffline(participantIds),
    async close(): Promise<void> {
      views.close();
      // No disconnectSockets(): a server-initiated disconnect tells clients not to come back; a closed
      // transport makes them reconnect (with Socket.IO's jittered backoff) to the restarted server.
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

/** An event this socket's role has no handler for still gets an answer, not silence. */
function answerUnknownEvents(socket: TwofoldSocket): void {
  socket.onAny((event: string, ...args: unknown[]) => {
    const ack = args.at(-1);
    if (socket.listeners(event as never).length === 0 && typeof ack === 'function') {
      ack({ ok: false, code: ERROR_CODES.badRequest, message: `No such command here: ${String(event).slice(0, 40)}` });
    }
  });
}
