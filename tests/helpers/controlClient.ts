import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientToServerEvents, type HandshakeAuth, type HostSnapshot, type SelfState, type ServerToClientEvents } from '../../lib/protocol';

export type ControlSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The stock socket.io-client, recording the latest state each event delivered. */
export function connectControl(baseUrl: string, auth: Omit<HandshakeAuth, 'protocol'> & { protocol?: number }) {
  const socket: ControlSocket = io(baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { protocol: PROTOCOL_VERSION, ...auth },
    reconnection: false,
    forceNew: true,
  });
  const latest: { snapshot: HostSnapshot | null; self: SelfState | null; raw: string[] } = { snapshot: null, self: null, raw: [] };
  socket.onAny((event, payload) => latest.raw.push(JSON.stringify([event, payload])));
  socket.on('host:snapshot', (s) => (latest.snapshot = s));
  socket.on('self:state', (s) => (latest.self = s));
  return { socket, latest, close: () => socket.close() };
}

export const hostAuth = (code: string, hostKey: string) => ({ role: 'host' as const, code, hostKey });
export const participantAuth = (token: string) => ({ role: 'participant' as const, token });
