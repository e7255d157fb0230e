import type { WebsocketProvider } from 'y-websocket';

/**
 * Spreads board reconnects out in time. The stock provider retries after
 * 200 ms, 400 ms, 800 ms… up to `maxBackoffTime`, at exactly the same
 * instants on every phone; when the server restarts, it closes every board
 * at once, and a whole room of phones would knock at the same moments, again
 * and again. Here each provider gets its own ceiling (2–4 s), and each retry
 * after a close the server did not mean as final waits the stock back-off
 * plus a random 0–1 s.
 */
const MIN_BACKOFF_CEILING_MS = 2_000;
const MAX_BACKOFF_CEILING_MS = 4_000;
const MAX_EXTRA_JITTER_MS = 1_000;

/** A per-provider ceiling for the stock exponential back-off. */
export function jitteredMaxBackoff(): number {
  return MIN_BACKOFF_CEILING_MS + Math.random() * (MAX_BACKOFF_CEILING_MS - MIN_BACKOFF_CEILING_MS);
}

/**
 * Adds 0–1 s to every reconnect after a close by the server or the network.
 * Returns the function that stops it (call it before provider.destroy()).
 *
 * 'connection-close' is emitted before the provider counts the failure and
 * schedules its own retry. We switch that retry off with `shouldConnect`
 * (the same switch the provider uses itself for permanent closes) and
 * schedule our own at the stock delay plus jitter; connect() switches it back
 * on. Calling provider.disconnect() here instead would re-enter the close,
 * count the failure twice and throw the exponential back-off away.
 */
export function addReconnectJitter(provider: WebsocketProvider, isPermanent: (code: number) => boolean): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;

  const onClose = (event: CloseEvent | null) => {
    // null: closed on this side (disconnect(), or the provider's silence watchdog), not a room-wide moment.
    if (!event || isPermanent(event.code) || !provider.shouldConnect) return;
    const stockDelay = Math.min(2 ** (provider.wsUnsuccessfulReconnects + 1) * 100, provider.maxBackoffTime);
    provider.shouldConnect = false;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      provider.connect();
    }, stockDelay + Math.random() * MAX_EXTRA_JITTER_MS);
  };

  provider.on('connection-close', onClose);
  return () => {
    provider.off('connection-close', onClose);
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
}
