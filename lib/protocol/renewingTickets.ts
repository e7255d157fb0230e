import type { BoardTicketResponse } from './http';

/**
 * A ticket is used for half its life (60 s, docs/API.md "Board tickets"): one that is about to
 * die is never what a reconnect carries.
 */
const USE_FOR_FRACTION = 0.5;
/** The ticket that came with /api/me does not say when it was made (a cached answer is older): trusted this long. */
const FIRST_TICKET_USE_MS = 20_000;

/**
 * Where a phone's board connections get their credential: the current board ticket while it is
 * young enough, else a fresh one, asked for (with the participant's token, as a bearer
 * credential of an HTTP call) only when a connection needs it, one request at a time. The app
 * (app/_lib/boardTickets.ts) and the benchmark's phones (bench/ticketRenewal.ts) both follow
 * this rule; they differ only in how they ask.
 */
export interface TicketSource {
  /** `params` for the next connection. Rejects if a fresh ticket is needed and cannot be had. */
  params(): Promise<Record<string, string>>;
  /** The server refused the current ticket (4419: expired, or signed before a restart): ask for a new one next time. */
  expire(): void;
  /** Tickets asked for since the first. */
  renewals(): number;
}

export function renewingTickets(opts: {
  first: Record<string, string>;
  fetchTicket: () => Promise<BoardTicketResponse>;
  /** The caller's clock (lib/ reads none). */
  now: () => number;
}): TicketSource {
  const { fetchTicket, now } = opts;
  let current: { params: Record<string, string>; until: number } | null = { params: opts.first, until: now() + FIRST_TICKET_USE_MS };
  let pending: Promise<Record<string, string>> | null = null;
  let renewed = 0;
  return {
    params() {
      if (current && now() < current.until) return Promise.resolve(current.params);
      pending ??= fetchTicket()
        .then((res) => {
          renewed++;
          current = { params: res.params, until: now() + res.expiresInS * 1000 * USE_FOR_FRACTION };
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
    renewals: () => renewed,
  };
}
