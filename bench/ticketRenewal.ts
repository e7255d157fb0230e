import type { WebsocketProvider } from 'y-websocket';
import { CLOSE_CODES } from '../lib/protocol';
import { renewingTickets, type TicketSource } from '../lib/protocol/renewingTickets';
import type { ApiClient } from '../tests/helpers/apiClient';

export type { TicketSource };

/**
 * Board sockets carry 60 s tickets (docs/API.md, "Board tickets"), so a benchmark phone that
 * reconnects after a minute must not offer the ticket it started with. This follows the app's
 * rule (lib/protocol/renewingTickets.ts, used by app/_lib/boardTickets.ts): a fresh ticket is
 * asked for with the participant's token only when a reconnect needs it — never on a timer,
 * which would put HTTP load on the server under test during the rounds.
 */
export function ticketSource(api: ApiClient, token: string, first: Record<string, string>): TicketSource {
  return renewingTickets({ first, fetchTicket: () => api.boardTicket(token), now: Date.now });
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
