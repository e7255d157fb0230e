import { CLOSE_CODES, type CloseCode } from '../../lib/protocol';
import type { BoardTickets } from '../infra/ticketSigner';
import type { ParticipantRow } from '../store/storeTypes';
import type { WorkshopService } from '../workshop/seating';

export type UpgradeCredential = { ok: true; participant: ParticipantRow } | { ok: false; code: CloseCode; reason: string };

const MAX_CREDENTIAL_CHARS = 160;

/** The reason a board connection is refused while its participant cools down (4329). */
export const COOLING_DOWN_REASON = 'cooling down';

/** The reason a /yjs upgrade that still carries the retired `?token=` is closed with (4401). */
export const TOKEN_RETIRED_REASON = 'token not accepted: use a board ticket';

/**
 * Who is knocking on /yjs: `?ticket=`, a short-lived board ticket (what GET /api/me and
 * POST /api/me/board-ticket hand out). A ticket that does not verify is 4419 (fetch a new one),
 * a participant who no longer exists is 4401. The participant's long-lived token is never a
 * board credential: a URL carrying `?token=` ends up in proxy logs, so it is closed with 4401
 * whatever else it carries, and the token is not even looked at. A participant cooling down
 * after their frame budget (frameBudget.ts) is refused with 4329 before the store is asked.
 */
export async function participantOfUpgrade(
  params: URLSearchParams,
  deps: { tickets: BoardTickets; workshops: WorkshopService; coolingDown: (participantId: string) => boolean },
): Promise<UpgradeCredential> {
  if (params.has('token')) return { ok: false, code: CLOSE_CODES.unauthorized, reason: TOKEN_RETIRED_REASON };
  const ticket = params.get('ticket');
  if (ticket === null) return { ok: false, code: CLOSE_CODES.unauthorized, reason: 'missing ticket' };
  const checked = ticket.length <= MAX_CREDENTIAL_CHARS ? deps.tickets.check(ticket) : ({ ok: false, reason: 'invalid' } as const);
  if (!checked.ok) return { ok: false, code: CLOSE_CODES.ticketExpired, reason: checked.reason === 'expired' ? 'ticket expired' : 'ticket not valid' };
  if (deps.coolingDown(checked.participantId)) return { ok: false, code: CLOSE_CODES.rateLimited, reason: COOLING_DOWN_REASON };
  const participant = await deps.workshops.participant(checked.participantId);
  return participant ? { ok: true, participant } : { ok: false, code: CLOSE_CODES.unauthorized, reason: 'unknown participant' };
}
