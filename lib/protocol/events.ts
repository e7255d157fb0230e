import { z } from 'zod';
import type { Ack } from './errors';
import type { Seat, WorkshopPublic } from './http';
import { roomCodeSchema } from './http';
import type { AgendaItem, PublicAgendaItem } from '../catalogue/agenda';
import type { Locale } from '../i18n/locales';
import type { cohostNameBody, HostTeam } from './cohosts';

import type { PauseSummary, PauseView, RoomNoteView, pauseAckPayloadSchema, pausePayloadSchema, roomNotePayloadSchema } from './pauseAndNote';

import type { hostChimePayload, hostSpotlightPayload, PulseAnswer, pulseAnswerPayload, Spotlight } from './roomMoments';

/**
 * The Socket.IO control plane: one typed event map for client and server.
 * Server: `new Server<ClientToServerEvents, ServerToClientEvents>()`.
 * Client: `io() as Socket<ServerToClientEvents, ClientToServerEvents>`.
 */

const secret = z.string().min(16).max(128);

/** Added by socket.io-client itself when it asks to resume a session (connection-state recovery). */
const recovery = { pid: z.string().max(64).optional(), offset: z.string().max(64).optional() };
/** Sent as `auth` in the handshake; parsed by the server before the socket is accepted. */
export const handshakeAuthSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('participant'), protocol: z.number().int(), token: secret, ...recovery }),
  z.strictObject({ role: z.literal('host'), protocol: z.number().int(), code: roomCodeSchema, hostKey: secret, ...recovery }),
  /** The projector knows only the room code, which is on the wall anyway: it gets nothing private. */
  z.strictObject({ role: z.literal('projector'), protocol: z.number().int(), code: roomCodeSchema, ...recovery }),
]);
export type HandshakeAuth = z.input<typeof handshakeAuthSchema>;

const participantId = z.string().min(1).max(64);
const id = z.string().min(1).max(64);
export const hostPairPayload = z.strictObject({ participantIds: z.tuple([participantId, participantId]) });
export const hostUnpairPayload = z.strictObject({ coupleId: id });
export const hostRemovePayload = z.strictObject({ participantId });
export const hostWallPayload = z.strictObject({ id, action: z.enum(['approve', 'remove']) });
export const shareProposePayload = z.strictObject({ docName: z.string().min(1).max(120), entryId: z.string().min(1).max(64) });
export const shareAnswerPayload = z.strictObject({ id, agree: z.boolean() });

/** What the facilitator's console may ask. Validated at the boundary with this schema. */
export const hostCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('goTo'), step: z.number().int().min(0).max(99) }),
  z.strictObject({ type: z.literal('next') }),
  z.strictObject({ type: z.literal('previous') }),
  z.strictObject({ type: z.literal('timerStart'), seconds: z.number().int().min(5).max(3 * 60 * 60) }),
  z.strictObject({ type: z.literal('timerAdd'), seconds: z.number().int().min(-3600).max(3600) }),
  z.strictObject({ type: z.literal('timerPause') }),
  z.strictObject({ type: z.literal('timerResume') }),
  z.strictObject({ type: z.literal('timerClear') }),
  z.strictObject({ type: z.literal('lock') }),
  z.strictObject({ type: z.literal('unlock') }),
  z.strictObject({ type: z.literal('closeJoins') }),
  z.strictObject({ type: z.literal('openJoins') }),
  z.strictObject({ type: z.literal('revealAll') }),
  z.strictObject({ type: z.literal('revealCouple'), coupleId: z.string().min(1).max(64) }),
  z.strictObject({ type: z.literal('end') }),
]);
export type HostCommand = z.infer<typeof hostCommandSchema>;

export const readyPayloadSchema = z.strictObject({ ready: z.boolean() });

export type Phase = 'lobby' | 'exercise' | 'ended';

/** A countdown: running (endsAt set), paused (remainingMs set), or none (null). */
export type Timer = { state: 'running'; endsAt: number; durationMs: number } | { state: 'paused'; remainingMs: number; durationMs: number };

/** What everyone in the room may know: phones, projector and console alike. */
export interface PublicWorkshopState {
  code: string;
  title: string;
  status: 'open' | 'ended';
  /** The workshop's language: phones and the projector speak it unless their person chose another. */
  locale: Locale;
  phase: Phase;
  step: number;
  /** Agenda steps that have run (been started at least once), ascending: the console marks them done ([R80]). */
  ranSteps: number[];
  agenda: PublicAgendaItem[];
  timer: Timer | null;
  locked: boolean;
  joinsOpen: boolean;
  /** The approved wall entry shown large and alone on the projector, or null (roomMoments.ts). */
  spotlight: string | null;
  /** Whether the projector chimes softly when the countdown reaches zero. */
  chime: boolean;
  /** The server's clock when this was sent: phones count down against it, not their own clock. */
  serverNow: number;
  version: number;
  /** The facilitator's line to every phone, or null. */
  note: RoomNoteView | null;
}

/** Per agenda step, for one couple. */
export interface CoupleStepView {
  ready: Record<Seat, boolean>;
  revealed: boolean;
  /** How it was revealed, stored with the reveal: both partners ready, or the facilitator. Null before. */
  revealedBy: 'partners' | 'facilitator' | null;
}

/** A share with the room, as the couple sees it. */
export interface ShareView {
  id: string;
  entryId: string;
  itemKey: string;
  text: string;
  proposedBy: Seat;
  status: 'proposed' | 'declined' | 'queued' | 'approved' | 'removed';
}

/** A shared entry as the facilitator moderates it: no names, no couple. */
export interface WallEntry {
  id: string;
  itemKey: string;
  text: string;
  status: 'queued' | 'approved' | 'removed';
  at: number;
}

export interface ProjectorState {
  couples: number;
  people: number;
  /** Couples where both partners tapped "ready" for the exercise on screen. */
  readyCouples: number;
  wall: { id: string; text: string; itemKey: string }[];
  /** The entry the facilitator spotlighted, while it is on the wall. */
  spotlight: Spotlight | null;
}

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
  couple: {
    id: string;
    pairCode: string;
    members: Member[];
    /** One per agenda item: who is ready, and whether private entries are revealed to the couple. */
    steps: CoupleStepView[];
    shares: ShareView[];
    /** The couple's pause while it lasts, or null. */
    pause: PauseView | null;
  } | null;
}

/** One couple as the facilitator sees it: names, presence and counts, never what they wrote. */
export interface CoupleSummary {
  id: string;
  members: Member[];
  entryCount: number;
  /** Epoch ms of the last board edit or join, null before any. */
  lastActivityAt: number | null;
  /** Entries written per agenda item key. */
  entriesByItem: Record<string, number>;
  /** The exercise on screen: entries, who is ready, revealed or not. */
  current: { entries: number; ready: Record<Seat, boolean>; revealed: boolean } | null;
  /** Why the facilitator might look in on this couple, or null. */
  attention: 'partner_offline' | 'both_offline' | 'waiting_for_partner' | 'quiet' | null;
  /** The couple asked for a pause (never who, never why), or null. */
  pause: PauseSummary | null;
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
  /** The full agenda, facilitator's notes included. */
  agenda: AgendaItem[];
  /** Shared entries waiting for moderation, on the wall, or taken down. */
  wall: WallEntry[];
  /** Rises with every snapshot so a client can drop stale ones. */
  version: number;
}

/**
 * Who took a board away, said to each phone from its own side: 'you' (this person deleted it from
 * their review link), 'partner' (the other partner did), 'facilitator' (removed, unpaired, or the
 * workshop deleted from the console), 'retention' (the workshop reached its retention date).
 */
export type RemovedBy = 'you' | 'partner' | 'facilitator' | 'retention';

export interface ServerToClientEvents {
  'workshop:state': (state: PublicWorkshopState) => void;
  'self:state': (state: SelfState) => void;
  'host:snapshot': (snapshot: HostSnapshot) => void;
  'projector:state': (state: ProjectorState) => void;
  /**
   * This seat was removed by the facilitator, its couple unpaired, or its board
   * deleted by the partner ('deleted' also when the whole workshop was deleted).
   * `by` says who did it, as this phone's person should read it.
   */
  'self:removed': (info: { reason: 'removed' | 'unpaired' | 'deleted'; by: RemovedBy }) => void;
  /** Every console: who it is and who is hosting right now; sent on connect and whenever a console opens, closes or a co-host renames. */
  'hosts:team': (team: HostTeam) => void;
  /** A co-host's console: the facilitator revoked this link; the socket is closed right after. */
  'host:revoked': () => void;
}

type AckFn<T = object> = (result: Ack<T>) => void;

export interface ClientToServerEvents {
  'host:command': (command: HostCommand, ack: AckFn<{ version: number }>) => void;
  'host:pair': (payload: z.infer<typeof hostPairPayload>, ack: AckFn<{ coupleId: string }>) => void;
  'host:unpair': (payload: z.infer<typeof hostUnpairPayload>, ack: AckFn) => void;
  'host:remove': (payload: z.infer<typeof hostRemovePayload>, ack: AckFn) => void;
  'host:wall': (payload: z.infer<typeof hostWallPayload>, ack: AckFn) => void;
  /** A co-host gives themselves a display name (the facilitator's console has none: `forbidden`). */
  'cohost:name': (payload: z.infer<typeof cohostNameBody>, ack: AckFn) => void;

  'host:pauseAck': (payload: z.infer<typeof pauseAckPayloadSchema>, ack: AckFn) => void;
  'host:note': (payload: z.infer<typeof roomNotePayloadSchema>, ack: AckFn<{ version: number }>) => void;
  ready: (payload: z.infer<typeof readyPayloadSchema>, ack: AckFn) => void;
  pause: (payload: z.infer<typeof pausePayloadSchema>, ack: AckFn) => void;
  'share:propose': (payload: z.infer<typeof shareProposePayload>, ack: AckFn<{ id: string }>) => void;
  'share:answer': (payload: z.infer<typeof shareAnswerPayload>, ack: AckFn) => void;
  'host:spotlight': (payload: z.infer<typeof hostSpotlightPayload>, ack: AckFn) => void;
  'host:chime': (payload: z.infer<typeof hostChimePayload>, ack: AckFn) => void;
  'pulse:answer': (payload: z.input<typeof pulseAnswerPayload>, ack: AckFn<{ answer: PulseAnswer }>) => void;
  'pulse:mine': (payload: Record<string, never>, ack: AckFn<{ answer: PulseAnswer | null }>) => void;
}

/** Data the server attaches to an authenticated socket. */
export type SocketData =
  | { role: 'participant'; participantId: string; code: string }
  /** `cohostId` is set when the key was a co-host's, not the facilitator's. */
  | { role: 'host'; code: string; cohostId?: string }
  | { role: 'projector'; code: string };
