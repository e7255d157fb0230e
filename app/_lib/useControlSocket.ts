'use client';

import { useEffect, useState } from 'react';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '../../lib/protocol';

export type ControlSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type ControlStatus =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'reconnecting' }
  /** The server said no (bad key, unknown token, old protocol): retrying would not help. */
  | { kind: 'refused'; code: string; message: string };

type SocketIo = typeof import('socket.io-client');

/** Retry delay when the client library itself could not be fetched (e.g. a reload with no network). */
const LIBRARY_RETRY_MS = 3_000;

let loading: Promise<SocketIo> | null = null;

/**
 * socket.io-client (~13 KB gzip) is fetched after the page has painted, not
 * with it: nothing on screen waits for the socket. A failed fetch is
 * forgotten, so the next try fetches again.
 */
export function loadSocketIo(): Promise<SocketIo> {
  loading ??= import('socket.io-client').catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

/**
 * One Socket.IO connection to the control plane for as long as the caller is
 * mounted with the same credentials. Pass null to stay disconnected (e.g.
 * while the credentials are still being read from storage).
 */
export function useControlSocket(auth: HandshakeAuth | null): { socket: ControlSocket | null; status: ControlStatus } {
  const [socket, setSocket] = useState<ControlSocket | null>(null);
  const [status, setStatus] = useState<ControlStatus>({ kind: 'connecting' });
  // Credentials are compared by value, so a fresh object with the same fields does not reconnect.
  const authKey = auth ? JSON.stringify(auth) : null;

  useEffect(() => {
    if (!authKey) return;
    let s: ControlSocket | null = null;
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    // Kept as it is when already 'connecting' (the first mount): a fresh object would render the whole page again for nothing.
    setStatus((current) => (current.kind === 'connecting' ? current : { kind: 'connecting' }));

    const open = ({ io }: SocketIo) => {
      if (cancelled) return;
      // Not connected yet: the server sends its state right after the handshake, and the hooks that
      // listen for it (useLiveWorkshop, useLatestEvent) only subscribe once this socket is rendered.
      // WebSocket first: one connection to one node, so several nodes need no sticky sessions; HTTP
      // long-polling only where WebSockets are blocked (that fallback needs stickiness: docs/DEPLOY.md).
      s = io({ path: '/socket.io', auth: JSON.parse(authKey) as HandshakeAuth, autoConnect: false, transports: ['websocket', 'polling'], tryAllTransports: true });
      watchStatus(s, setStatus);
      setSocket(s);
    };
    const load = () => {
      loadSocketIo().then(open, () => {
        if (!cancelled) retry = setTimeout(load, LIBRARY_RETRY_MS);
      });
    };
    load();

    return () => {
      cancelled = true;
      clearTimeout(retry);
      s?.removeAllListeners();
      s?.disconnect();
      setSocket(null);
    };
  }, [authKey]);

  // Connect in the commit that hands the socket out: every listener effect of that commit runs in the
  // same task, before the first packet can arrive.
  useEffect(() => {
    socket?.connect();
  }, [socket]);

  return { socket, status };
}

/** Keeps `status` in step with the socket's life: connected, retrying, or refused for good. */
function watchStatus(s: ControlSocket, setStatus: (status: ControlStatus) => void) {
  s.on('connect', () => setStatus({ kind: 'connected' }));
  s.on('disconnect', (reason) => {
    // The server hung up on purpose: socket.io will not retry by itself, but a restart deserves one.
    if (reason === 'io server disconnect') s.connect();
    setStatus({ kind: 'reconnecting' });
  });
  s.on('connect_error', (err: Error & { data?: { message?: string } }) => {
    // `active` is false when the server's middleware refused us; otherwise it is a network blip.
    if (s.active) setStatus({ kind: 'reconnecting' });
    else setStatus({ kind: 'refused', code: err.message, message: err.data?.message ?? '' });
  });
}
