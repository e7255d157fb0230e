'use client';

import { useCallback, useMemo } from 'react';
import type { Ack, HostCommand } from '../../../lib/protocol';
import { SOCKET_ACK_TIMEOUT_MS } from '../../../lib/protocol/ackTimeout';
import type { ControlSocket } from '../../_lib/useControlSocket';

/**
 * The facilitator's commands. Each resolves to true when the server accepted
 * it; on a refusal or a timeout it reports the server's sentence through
 * `report` (shown as a notice) and resolves to false. The new state itself
 * comes back through 'workshop:state' and 'host:snapshot', never from here.
 */
export function useHostActions(socket: ControlSocket | null, report: (message: string) => void) {
  const ask = useCallback(
    async (what: string, send: (s: ControlSocket) => Promise<Ack>): Promise<boolean> => {
      if (!socket?.connected) {
        report(`${what}: not connected right now. Wait for “Live”, then try again.`);
        return false;
      }
      try {
        const result = await send(socket);
        if (!result.ok) report(`${what}: ${result.message}`);
        return result.ok;
      } catch {
        report(`${what}: the server did not answer in time. Check the room before trying again.`);
        return false;
      }
    },
    [socket, report],
  );

  return useMemo(
    () => ({
      command: (what: string, command: HostCommand) => ask(what, (s) => s.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('host:command', command)),
      unpair: (what: string, coupleId: string) => ask(what, (s) => s.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('host:unpair', { coupleId })),
      remove: (what: string, participantId: string) => ask(what, (s) => s.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('host:remove', { participantId })),
      wall: (what: string, id: string, action: 'approve' | 'remove') => ask(what, (s) => s.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('host:wall', { id, action })),
    }),
    [ask],
  );
}

export type HostActions = ReturnType<typeof useHostActions>;
