'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useMemo } from 'react';
import type { HandshakeAuth, HostSnapshot } from '../../../lib/protocol';
import { SOCKET_ACK_TIMEOUT_MS } from '../../../lib/protocol/ackTimeout';
import { PROTOCOL_VERSION } from '../../../lib/protocol/version';
import { useErrorText } from '../../_i18n/errorText';
import { useControlSocket } from '../../_lib/useControlSocket';
import { useLiveWorkshop } from '../../_lib/useLiveWorkshop';
import { useLatestEvent } from '../../_lib/useSocketEvent';

/** Snapshots can overtake each other on a reconnect; only ever move forward. */
const newer = (next: HostSnapshot, current: HostSnapshot | null) => !current || next.version > current.version;

export type PairResult = { ok: true } | { ok: false; message: string };

/**
 * The console's live view of the room over the host socket: the snapshot
 * (couples, counts, wall, full agenda with notes) and the public workshop
 * state (phase, step, countdown, lock), which every socket of the room gets.
 */
export function useHostConsole(code: string, hostKey: string | null | undefined) {
  const auth = useMemo<HandshakeAuth | null>(
    () => (hostKey ? { role: 'host', protocol: PROTOCOL_VERSION, code, hostKey } : null),
    [code, hostKey],
  );
  const t = useTranslations('console.report');
  const errorText = useErrorText();
  const { socket, status } = useControlSocket(auth);
  const snapshot = useLatestEvent(socket, 'host:snapshot', newer);
  const live = useLiveWorkshop(socket);

  const pair = useCallback(
    async (a: string, b: string): Promise<PairResult> => {
      if (!socket?.connected) return { ok: false, message: t('pairNotConnected') };
      try {
        const result = await socket.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('host:pair', { participantIds: [a, b] });
        return result.ok ? { ok: true } : { ok: false, message: errorText(result) };
      } catch {
        return { ok: false, message: t('pairNoAnswer') };
      }
    },
    [socket, t, errorText],
  );

  return { socket, snapshot, live, status, pair };
}
