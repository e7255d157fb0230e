import { CLOSE_CODES, type CloseCode } from '../../lib/protocol';
import type { BoardTickets } from '../infra/ticketSigner';
import type { ParticipantRow } from '../store/storeTypes';
import type { WorkshopService } from '../workshop/seating';

export type UpgradeCredential = { ok: true; participant: ParticipantRow } | { ok: false; code: CloseCode; reason: string };

const MAX_CREDENTIAL_CHARS = 160;

/**
 * Who is knocking on /yjs: `?ticket=` (a short-lived board ticket, what
 * GET /api/me and POST /api/me/board-ticket hand out), or — deprecated, kept
 * so existing integrations keep working — the long-lived `?token=`, which
 * ends up in proxy logs. A ticket that does not verify is 4419 (fetch a new
 * one), a participant who no longer exists is 4401.
 */
export async function participantOfUpgrade(params: URLSearchParams, deps: { tickets: BoardTickets; workshops: WorkshopService }): Promise<UpgradeCredential> {
  const unknown: UpgradeCredential = { ok: false, code: CLOSE_CODES.unauthorized, reason: 'unknown participant' };
  const ticket = params.get('ticket');
  if (ticket !== null) {
    const checked = ticket.length <= MAX_CREDENTIAL_CHARS ? deps.tickets.check(ticket) : ({ ok: false, reason: 'invalid' } as const);
    if (!checked.ok) return { ok: false, code: CLOSE_CODES.ticketExpired, reason: checked.reason === 'expired' ? 'ticket expired' : 'ticket not valid' };
    const participant = await deps.workshops.participant(checked.participantId);
    return participant ? { ok: true, participant } : unknown;
  }
  const token = params.get('token');
  if (token === null) return { ok: false, code: CLOSE_CODES.unauthorized, reason: 'missing ticket' };
  const participant = token.length <= MAX_CREDENTIAL_CHARS ? await deps.workshops.authenticate(token) : null;
  return participant ? { ok: true, participant } : unknown;
}
