'use client';

import { useCallback, useEffect, useState } from 'react';
import type { PulseAnswer } from '../../../lib/protocol';
import { SOCKET_ACK_TIMEOUT_MS } from '../../../lib/protocol/ackTimeout';
import type { ControlSocket } from '../../_lib/useControlSocket';

/**
 * This person's answer to the closing pulse, as the server has it: read once the socket is
 * connected, replaced by what the server acknowledged after each send (never optimistic).
 * `send` resolves with null, or the error code (or 'network') of a refusal.
 */
export function usePulse(socket: ControlSocket | null) {
  const [saved, setSaved] = useState<PulseAnswer | null>(null);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    if (!socket) return;
    let live = true;
    const read = () =>
      socket
        .timeout(SOCKET_ACK_TIMEOUT_MS)
        .emitWithAck('pulse:mine', {})
        .then((ack) => {
          if (!live || !ack.ok) return;
          setSaved(ack.answer);
          setLoaded(true);
        })
        .catch(() => undefined);
    if (socket.connected) void read();
    socket.on('connect', read);
    return () => {
      live = false;
      socket.off('connect', read);
    };
  }, [socket]);

  const send = useCallback(
    async (answer: PulseAnswer): Promise<string | null> => {
      if (!socket?.connected) return 'network';
      try {
        const ack = await socket.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('pulse:answer', answer);
        if (!ack.ok) return ack.code;
        setSaved(ack.answer);
        return null;
      } catch {
        return 'network';
      }
    },
    [socket],
  );

  return { saved, loaded, send };
}
