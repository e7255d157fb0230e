import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type HandshakeAuth,
  type HostSnapshot,
  type ProjectorState,
  type PublicWorkshopState,
  type SelfState,
  type ServerToClientEvents,
} from '../../lib/protocol';

export type ControlSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The stock socket.io-client, recording the latest state each event delivered. */
export function connectControl(baseUrl: string, auth: Omit<HandshakeAuth, 'protocol'> & { protocol?: number }, opts: { transports?: ('websocket' | 'polling')[] } = {}) {
  const socket: ControlSocket = io(baseUrl, {
    path: '/socket.io',
    transports: opts.transports ?? ['websocket'],
    auth: { protocol: PROTOCOL_VERSION, ...auth },
    reconnection: false,
    forceNew: true,
  });
  const latest: {
    snapshot: HostSnapshot | null;
    self: SelfState | null;
    workshop: PublicWorkshopState | null;
    projector: ProjectorState | null;
    removed: string | null;
    /** Who did it, as `self:removed` says it to this phone. */
    removedBy: string | null;
    raw: string[];
  } = { snapshot: null, self: null, workshop: null, projector: null, removed: null, removedBy: null, raw: [] };
  socket.onAny((event, payload) => latest.raw.push(JSON.stringify([event, payload])));
  socket.on('host:snapshot', (s) => (latest.snapshot = s));
  socket.on('self:state', (s) => (latest.self = s));
  socket.on('workshop:state', (s) => (latest.workshop = s));
  socket.on('projector:state', (s) => (latest.projector = s));
  socket.on('self:removed', (r) => {
    latest.removed = r.reason;
    latest.removedBy = r.by;
  });
  return { socket, latest, close: () => socket.close() };
}

export const hostAuth = (code: string, hostKey: string) => ({ role: 'host' as const, code, hostKey });
export const participantAuth = (token: string) => ({ role: 'participant' as const, token });
export const projectorAuth = (code: string) => ({ role: 'projector' as const, code });

/** Sends a facilitator command and fails the test if the server refuses it. */
export async function hostCommand(socket: ControlSocket, command: Parameters<ClientToServerEvents['host:command']>[0]) {
  const result = await socket.timeout(5_000).emitWithAck('host:command', command);
  if (!result.ok) throw new Error(`host:command ${command.type} refused: ${result.code}`);
  return result;
}
