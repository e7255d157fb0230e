'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useMemo } from 'react';
import type { Ack, HostCommand } from '../../../lib/protocol';
import { SOCKET_ACK_TIMEOUT_MS } from '../../../lib/protocol/ackTimeout';
import { useErrorText } from '../../_i18n/errorText';
import type { ControlSocket } from '../../_lib/useControlSocket';

/**
 * The facilitator's commands. Each resolves to true when the server accepted
 * it; on a refusal or a timeout it reports why (words chosen by the ack's
 * error code) through `report` (shown as a notice) and resolves to false.
 * `what` names the action in the page's language ("Start Spectrum"). The new
 * state itself comes back through 'workshop:state' and 'host:snapshot', never from here.
 */
export function useHostActions(socket: ControlSocket | null, report: (message: string) => void) {
  const t = useTranslations('console.report');
  const errorText = useErrorText();
  const ask = useCallback(
    async (what: string, send: (s: ControlSocket) => Promise<Ack>): Promise<boolean> => {
      if (!socket?.connected) {
        report(t('notConnected', { what }));
        return false;
      }
      try {
        const result = await send(socket);
        if (!result.ok) report(t('refused', { what, reason: errorText(result) }));
        return result.ok;
      } catch {
        report(t('noAnswer', { what }));
        return false;
      }
    },
    [socket, report, t, errorText],
  );

  return useMemo(
    () => ({
      command: (what: string, command: HostCommand) => ask(what, (s) => s.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('host:command', command)),
      unpair: (what: string, coupleId: string) => ask(what, (s) => s.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('host:unpair', { coupleId })),
      remove: (what: string, participantId: string) => ask(what, (s) => s.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('host:remove', { participantId })),
      wall: (what: string, id: string, action: 'approve' | 'remove') => ask(what, (s) => s.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('host:wall', { id, action })),
      pauseAck: (what: string, coupleId: string) => ask(what, (s) => s.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('host:pauseAck', { coupleId })),
      note: (what: string, text: string | null) => ask(what, (s) => s.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('host:note', { text })),

      spotlight: (what: string, id: string | null) => ask(what, (s) => s.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('host:spotlight', { id })),
      chime: (what: string, on: boolean) => ask(what, (s) => s.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('host:chime', { on })),
    }),
    [ask],
  );
}

export type HostActions = ReturnType<typeof useHostActions>;
