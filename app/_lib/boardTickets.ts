'use client';

import type { BoardTicketResponse } from '../../lib/protocol';
import { renewingTickets, type TicketSource } from '../../lib/protocol/renewingTickets';
import { api } from './api';

/**
 * Where a phone's board connections get their credential: a short-lived board ticket, asked
 * for with the participant token, so the token itself never goes into a /yjs URL (where
 * proxies log it; the server refuses it there). One per phone, shared by the shared board and
 * the private docs. The rule of when to ask is lib/protocol/renewingTickets.ts.
 */
export type BoardTickets = Pick<TicketSource, 'params' | 'expire'>;

export function boardTickets(token: string, first: Record<string, string>): BoardTickets {
  return renewingTickets({
    first,
    fetchTicket: () => api<BoardTicketResponse>('/api/me/board-ticket', { method: 'POST', token }),
    now: Date.now,
  });
}
