import type { WebsocketProvider } from 'y-websocket';
import { CLOSE_CODES } from '../lib/protocol';
import type { ApiClient } from '../tests/helpers/apiClient';

/**
 * Board sockets carry 60 s tickets (docs/API.md, "Board tickets"), so a benchmark phone that
 * reconnects after a minute must not offer the ticket it started with. This does what the app
 * does (app/_lib/boardTickets.ts): a ticket is used for half its life, the one from /api/me
 * for 20 s (it does not say when it was made), and a fresh one is asked for with the
 * participant's token only when a reconnect needs it — never on a timer, which would put
 * HTTP load on the server under test during the rounds.
 */
const USE_FOR_FRACTION = 0.5;
const FIRST_TICKET_USE_MS = 20_000;

export interface TicketSource {
  /** Params for the next connection: the current ticket while young enough, else a fresh one. */
  params(): Promise<Record<string, string>>;
  /** The server refused the current ticket (4419): the next `params()` asks for a new one. */
  expire(): void;
  /** Tickets asked for since the first (a reconnect after expiry shows here). */
  renewals(): number;
}

export function ticketSource(api: ApiClient, token: string, first: Record<string, string>): TicketSource {
  let current: { params: Record<string, string>; until: number } | null = { params: first, until: Date.now() + FIRST_TICKET_USE_MS };
  let pending: Promise<Record<string, string>> | null = null;
  let renewed = 0;
  return {
    params() {
      if (current && Date.now() < current.until) return Promise.resolve(current.params);
      pending ??= api
        .boardTicket(token)
        .then((res) => {
          renewed++;
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
    renewals: () => renewed,
  };
}

/** Provider option: every server close goes to `keepConnected` instead of the stock retry with the same params. */
export const ownReconnects = { shouldReconnect: () => false } as const;

const permanent = (code: number) => code >= 4400 && code < 4500 && code !== CLOSE_CODES.ticketExpired;

/**
 * Reconnects a provider made with `ownReconnects` after the server closed it, with the stock
 * provider's backoff, on params from `tickets` (renewed first if the ticket is past half its
 * life, or was refused with 4419). Permanent refusals (other 44xx) stay closed, as with the stock
 * provider. A close this side made (the provider's own watchdog) is retried by the provider with
 * the params it holds; if those have expired the server answers 4419 and this renews them.
 * Returns a stop function for before `provider.destroy()`.
 */
export function keepConnected(provider: WebsocketProvider, tickets: TicketSource): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const reconnect = () => {
    timer = null;
    tickets.params().then(
      (params) => {
        if (stopped) return;
        provider.params = params;
        provider.connect();
      },
      () => {
        if (!stopped) timer = setTimeout(reconnect, provider.maxBackoffTime);
      },
    );
  };
  provider.on('closed', ({ code }) => {
    if (stopped || permanent(code)) return;
    if (code === CLOSE_CODES.ticketExpired) tickets.expire();
    timer = setTimeout(reconnect, Math.min(2 ** provider.wsUnsuccessfulReconnects * 100, provider.maxBackoffTime));
  });
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
