import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../../lib/protocol';

export type TwofoldServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type TwofoldSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Socket.IO rooms: who hears what. */
export const rooms = {
  /** Everyone in a workshop: phones, projector, console. Only public state goes here. */
  workshop: (code: string) => `w:${code}`,
  host: (code: string) => `host:${code}`,
  projector: (code: string) => `proj:${code}`,
  participant: (id: string) => `p:${id}`,
};
