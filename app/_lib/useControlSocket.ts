'use client';

import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '../../lib/protocol';

export type ControlSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type ControlStatus =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'reconnecting' }
  /** The server said no (bad key, unknown token, old protocol): retrying would not help. */
  | { kind: 'refused'; code: string; message: string };

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
    // Not connected yet: the server sends its state right after the handshake, and the hooks that
    // listen for it (useLiveWorkshop, useLatestEvent) only subscribe once this socket is rendered.
    // WebSocket first: one connection to one node, so several nodes need no sticky sessions; HTTP
    // long-polling only where WebSockets are blocked (that fallback needs stickiness: docs/DEPLOY.md).
    const s: ControlSocket = io({ path: '/socket.io', auth: JSON.parse(authKey) as HandshakeAuth, autoConnect: false, transports: ['websocket', 'polling'], tryAllTransports: true });
    setStatus({ kind: 'connecting' });
    setSocket(s);

    s.on('connect', () => setStatus({ kind: 'connected' }));
    s.on('disconnect', (reason) => {
      // The server hung up on purpose: socket.io will not retry by itself, but a restart deserves one.
      if (reason === 'io server disconnect') s.connect();
      setStatus({ kind: 'reconnecting' });
    });
    s.on('connect_error', (err: Error & { data?: { message?: string } }) => {
      // `active` is false when the server's middleware refused us; otherwise it is a network blip.
      if (s.active) setStatus({ kind: 'reconnecting' });
      else setStatus({ kind: 'refused', code: err.message, message: err.data?.message ?? 'The server refused the connection.' });
    });

    return () => {
      s.removeAllListeners();
      s.disconnect();
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
