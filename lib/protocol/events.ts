import { z } from 'zod';
import type { Ack } from './errors';
import type { Seat, WorkshopPublic } from './http';
import { roomCodeSchema } from './http';

/**
 * The Socket.IO control plane: one typed event map for client and server.
 * Server: `new Server<ClientToServerEvents, ServerToClientEvents>()`.
 * Client: `io() as Socket<ServerToClientEvents, ClientToServerEvents>`.
 */

const secret = z.string().min(16).max(128);

/** Sent as `auth` in the handshake; parsed by the server before the socket is accepted. */
export const handshakeAuthSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('participant'), protocol: z.number().int(), token: secret }),
  z.strictObject({ role: z.literal('host'), protocol: z.number().int(), code: roomCodeSchema, hostKey: secret }),
]);
export type HandshakeAuth = z.input<typeof handshakeAuthSchema>;

const participantId = z.string().min(1).max(64);
export const hostPairPayload = z.strictObject({ participantIds: z.tuple([participantId, participantId]) });
export type HostPairPayload = z.infer<typeof hostPairPayload>;

export interface Member {
  id: string;
  name: string;
  seat: Seat;
  online: boolean;
}

/** What a participant's phone knows about itself and its couple. Never board content. */
export interface SelfState {
  participantId: string;
  name: string;
  workshop: WorkshopPublic;
  couple: { id: string; pairCode: string; members: Member[] } | null;
}

/** One couple as the facilitator sees it: names, presence and counts, never what they wrote. */
export interface CoupleSummary {
  id: string;
  members: Member[];
  entryCount: number;
  /** Epoch ms of the last board edit or join, null before any. */
  lastActivityAt: number | null;
}

export interface ParticipantSummary {
  id: string;
  name: string;
  online: boolean;
  joinedAt: number;
}

export interface HostSnapshot {
  workshop: WorkshopPublic;
  couples: CoupleSummary[];
  /** Joined the room but not yet in a couple: the facilitator can pair them by hand. */
  unpaired: ParticipantSummary[];
  /** Rises with every snapshot so a client can drop stale ones. */
  version: number;
}

export interface ServerToClientEvents {
  'self:state': (state: SelfState) => void;
  'host:snapshot': (snapshot: HostSnapshot) => void;
}

export interface ClientToServerEvents {
  'host:pair': (payload: HostPairPayload, ack: (result: Ack<{ coupleId: string }>) => void) => void;
}

/** Data the server attaches to an authenticated socket. */
export type SocketData =
  | { role: 'participant'; participantId: string; code: string }
  | { role: 'host'; code: string };
