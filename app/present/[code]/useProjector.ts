'use client';

import { useMemo } from 'react';
import type { HandshakeAuth } from '../../../lib/protocol';
import { PROTOCOL_VERSION } from '../../../lib/protocol/version';
import { useControlSocket } from '../../_lib/useControlSocket';
import { useLiveWorkshop } from '../../_lib/useLiveWorkshop';
import { useLatestEvent } from '../../_lib/useSocketEvent';

/**
 * The projector's feed: the public workshop state plus room figures and the
 * approved wall ('projector:state'). The handshake carries the room code
 * only; the server sends nothing to this role that the room may not see.
 */
export function useProjector(code: string) {
  const auth = useMemo<HandshakeAuth>(() => ({ role: 'projector', protocol: PROTOCOL_VERSION, code }), [code]);
  const { socket, status } = useControlSocket(auth);
  const live = useLiveWorkshop(socket);
  const room = useLatestEvent(socket, 'projector:state');
  return { live, room, status };
}
