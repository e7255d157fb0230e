'use client';

import { useCallback, useEffect, useState } from 'react';
import type { Ack } from '../../../lib/protocol';
import { SOCKET_ACK_TIMEOUT_MS } from '../../../lib/protocol/ackTimeout';
import type { ControlSocket } from '../../_lib/useControlSocket';
import { useLatestEvent } from '../../_lib/useSocketEvent';

/**
 * Who is hosting this room right now (`hosts:team`: this console, the facilitator and every
 * co-host with a console open), whether this co-host's link was just revoked, and the co-host's
 * way to name themselves.
 */
export function useHostTeam(socket: ControlSocket | null) {
  const team = useLatestEvent(socket, 'hosts:team');
  const [revoked, setRevoked] = useState(false);

  useEffect(() => {
    if (!socket) return;
    const onRevoked = () => setRevoked(true);
    socket.on('host:revoked', onRevoked);
    return () => {
      socket.off('host:revoked', onRevoked);
    };
  }, [socket]);

  const rename = useCallback(
    async (name: string): Promise<Ack> => {
      if (!socket?.connected) return { ok: false, code: 'internal_error', message: 'not connected' };
      try {
        return await socket.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('cohost:name', { name });
      } catch {
        return { ok: false, code: 'internal_error', message: 'no answer' };
      }
    },
    [socket],
  );

  return { team, revoked, rename };
}

export type HostTeamState = ReturnType<typeof useHostTeam>;
