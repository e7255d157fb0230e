import { z } from 'zod';
import { isPairCode, isRoomCode, normalizeCode } from '../codes';
import { MAX_NAME_CHARS, MAX_TITLE_CHARS } from '../limits';
import { agendaInputSchema } from '../catalogue/agenda';
import { DEFAULT_RETENTION_DAYS, RETENTION_DAYS } from '../retentionPolicy';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../i18n/locales';

/** Trims and collapses whitespace; rejects control characters (they have no place in a name). */
const humanText = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(1, 'must not be empty')
        .max(max, `must be at most ${max} characters`)
        // eslint-disable-next-line no-control-regex
        .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters'),
    );

export const roomCodeSchema = z
  .string()
  .max(32)
  .transform(normalizeCode)
  .refine(isRoomCode, 'is not a room code (8 letters and digits)');

const pairCodeSchema = z
  .string()
  .max(32)
  .transform(normalizeCode)
  .refine(isPairCode, 'is not a pair code (6 letters and digits)');

export const createWorkshopBody = z.strictObject({
  title: humanText(MAX_TITLE_CHARS),
  /** The exercises, in order; the whole library when left out. */
  agenda: agendaInputSchema.optional(),
  /** Days to keep everything after the workshop ends. */
  retentionDays: z.union(RETENTION_DAYS.map((d) => z.literal(d))).default(DEFAULT_RETENTION_DAYS),
  /** The workshop's language: phones, projector, library exercises and exports follow it. */
  locale: z.enum(LOCALES).default(DEFAULT_LOCALE),
});

export const deleteConfirmBody = z.strictObject({ confirm: z.literal(true) });
export const joinWorkshopBody = z.strictObject({ name: humanText(MAX_NAME_CHARS) });
export const joinCoupleBody = z.strictObject({ pairCode: pairCodeSchema });

export type Seat = 'a' | 'b';

export interface CreateWorkshopResponse {
  code: string;
  title: string;
  locale: Locale;
  hostKey: string;
  /** Page a participant opens to join (also what the QR code encodes). */
  joinUrl: string;
  /** Private console link; the host key travels in the fragment, never to server logs. */
  hostUrl: string;
}

export interface WorkshopPublic {
  code: string;
  title: string;
  status: 'open' | 'ended';
  /** Days everything is kept after the workshop ends; shown to people when they join. */
  retentionDays: number;
  /** The workshop's language, chosen by the facilitator (lib/i18n/locales.ts). */
  locale: Locale;
}

export interface JoinWorkshopResponse {
  participantId: string;
  token: string;
  name: string;
  workshop: WorkshopPublic;
}

export interface CoupleResponse {
  coupleId: string;
  pairCode: string;
  seat: Seat;
  /** Link that pre-fills the pair code; shown to the partner as a QR. */
  pairUrl: string;
}

/** Exactly what the stock y-websocket provider takes: new WebsocketProvider(serverUrl, docName, doc, { params }). */
export interface BoardAccess {
  serverUrl: string;
  docName: string;
  params: Record<string, string>;
}

/** POST /api/me/board-ticket: fresh `params` for the provider, good for reconnects for `expiresInS`. */
export interface BoardTicketResponse {
  params: { ticket: string };
  expiresInS: number;
}

export interface MeResponse {
  participant: { id: string; name: string; seat: Seat | null };
  workshop: WorkshopPublic;
  couple: {
    id: string;
    pairCode: string;
    pairUrl: string;
    partner: { id: string; name: string; seat: Seat } | null;
  } | null;
  board: BoardAccess | null;
  /** This person's private review link: the couple's board to read, export or delete afterwards. */
  reviewUrl: string;
}

/**
 * GET /api/network: the origin of the links phones open ([R76]) and how they reach it.
 * `unreachable`: this page was opened on localhost and the server has no address on a network.
 */
export interface PhoneOriginResponse {
  phoneOrigin: string;
  reach: 'public_url' | 'request' | 'network' | 'unreachable';
}
