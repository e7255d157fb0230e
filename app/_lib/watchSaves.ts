import type { WebsocketProvider } from 'y-websocket';
import { SaveTracker } from '../../lib/board/saveTracker';

/**
 * Tells `onChange` whether every change on this board's doc has come back from the server
 * (lib/board/saveTracker.ts): changes not from the server are counted the moment they happen,
 * and each frame the server sends is read beside the provider, on every connection it opens.
 * Returns the function that stops watching.
 */
export function watchSaves(provider: WebsocketProvider, onChange: (saved: boolean) => void): () => void {
  const tracker = new SaveTracker();
  let last = tracker.saved;
  const report = () => {
    if (tracker.saved === last) return;
    last = tracker.saved;
    onChange(last);
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === provider) return;
    tracker.local(update);
    report();
  };
  const onMessage = (event: MessageEvent) => {
    if (!(event.data instanceof ArrayBuffer)) return;
    tracker.fromServer(new Uint8Array(event.data));
    report();
  };
  let socket: WebSocket | null = null;
  const onStatus = ({ status }: { status: string }) => {
    if (status !== 'connected' || !provider.ws || provider.ws === socket) return;
    socket?.removeEventListener('message', onMessage);
    socket = provider.ws;
    tracker.connected();
    socket.addEventListener('message', onMessage);
  };
  provider.doc.on('update', onUpdate);
  provider.on('status', onStatus);
  return () => {
    provider.doc.off('update', onUpdate);
    provider.off('status', onStatus);
    socket?.removeEventListener('message', onMessage);
  };
}
