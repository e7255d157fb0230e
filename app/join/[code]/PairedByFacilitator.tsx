'use client';

import { useEffect, useMemo } from 'react';
import type { HandshakeAuth } from '../../../lib/protocol';
import { PROTOCOL_VERSION } from '../../../lib/protocol/version';
import { useControlSocket } from '../../_lib/useControlSocket';
import { useLatestEvent } from '../../_lib/useSocketEvent';

/** While choosing, the facilitator may pair this person by hand: follow them to the board when it happens. */
export function PairedByFacilitator({ token, onPaired }: { token: string; onPaired: () => void }) {
  const auth = useMemo<HandshakeAuth>(() => ({ role: 'participant', protocol: PROTOCOL_VERSION, token }), [token]);
  const { socket } = useControlSocket(auth);
  const self = useLatestEvent(socket, 'self:state');
  const paired = self?.couple != null;
  useEffect(() => {
    if (paired) onPaired();
  }, [paired, onPaired]);
  return null;
}
