'use client';

import type { BoardTicketResponse } from '../../lib/protocol';
import { api } from './api';

/**
 * A ticket is used for half its life (60 s, docs/API.md): one that is about
 * to die is never what a reconnect carries.
 */
const USE_FOR_FRACTION = 0.5;
/** The ticket that came with /api/me does not say when it was made (a cached answer is older): trusted this long. */
const FIRST_TICKET_USE_MS = 20_000;

/**
 * Where a phone's board connections get their credential: a short-lived board
 * ticket, asked for with the participant token, so the token itself never
 * goes into a /yjs URL (where proxies log it). One per phone, shared by the
 * shared board and the private docs; one request at a time.
 */
export interface BoardTickets {
  /** `params` for the next connection. Rejects if a fresh ticket is needed and the server cannot be reached. */
  params(): Promise<Record<string, string>>;
  /** The server refused the current ticket (4419: expired, or signed before a restart): ask for a new one next time. */
  expire(): void;
}

export function boardTickets(token: string, first: Record<string, string>): BoardTickets {
  let current: { params: Record<string, string>; until: number } | null = { params: first, until: Date.now() + FIRST_TICKET_USE_MS };
  let pending: Promise<Record<string, string>> | null = null;
  return {
    params() {
      if (current && Date.now() < current.until) return Promise.resolve(current.params);
      pending ??= api<BoardTicketResponse>('/api/me/board-ticket', { method: 'POST', token })
        .then((res) => {
          current = { params: res.params, until: Date.now() + res.expiresInS * 1000 * USE_FOR_FRACTION };
          return res.params;
        })
        .finally(() => {
          pending = null;
        });
      return pending;
    },
    expire() {
      current = null;
    },
  };
}
