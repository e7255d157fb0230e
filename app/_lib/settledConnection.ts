import type { WebsocketProvider } from 'y-websocket';
import { CLOSE_CODES } from '../../lib/protocol/closeCodes';

/**
 * After the server closed a board with 1011 (it could not save: the disk is full, the database
 * is gone), a new connection counts as connected only once it has stayed open this long. While
 * the store still fails, each new connection is closed again within milliseconds, as soon as the
 * phone resends what is not saved; without this, "Connected" would flash over "your changes are
 * kept on this phone" at every retry. Once the store is back the connection stays, and shows.
 */
export const SETTLE_AFTER_STORE_FAILURE_MS = 1_500;

/**
 * Reports whether `provider`'s board connection is up, as the status line should say it: at once
 * after an ordinary (re)connect, after SETTLE_AFTER_STORE_FAILURE_MS after a 1011. Returns the
 * function that stops watching.
 */
export function watchSettledConnection(provider: WebsocketProvider, onChange: (connected: boolean) => void): () => void {
  let lastCloseCode: number | null = null;
  let settling: ReturnType<typeof setTimeout> | null = null;
  const stopSettling = () => {
    if (settling !== null) clearTimeout(settling);
    settling = null;
  };
  const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
    stopSettling();
    if (status !== 'connected') return onChange(false);
    if (lastCloseCode !== CLOSE_CODES.internalError) return onChange(true);
    settling = setTimeout(() => {
      settling = null;
      lastCloseCode = null;
      onChange(true);
    }, SETTLE_AFTER_STORE_FAILURE_MS);
  };
  const onClose = (event: CloseEvent | null) => {
    stopSettling();
    lastCloseCode = event?.code ?? null;
  };
  provider.on('status', onStatus);
  provider.on('connection-close', onClose);
  return () => {
    stopSettling();
    provider.off('status', onStatus);
    provider.off('connection-close', onClose);
  };
}
