'use client';

import { useEffect, useMemo, useState } from 'react';
import type { HandshakeAuth, PublicWorkshopState, SelfState } from '../../../lib/protocol';
import { PROTOCOL_VERSION } from '../../../lib/protocol/version';
import { cacheWorkshop, readCachedWorkshop } from '../../_lib/storage';
import { useControlSocket, type ControlSocket, type ControlStatus } from '../../_lib/useControlSocket';
import { useLiveWorkshop } from '../../_lib/useLiveWorkshop';
import { useLatestEvent } from '../../_lib/useSocketEvent';

interface ParticipantSession {
  socket: ControlSocket | null;
  controlStatus: ControlStatus;
  /** The room's state: live, else the one the page was rendered with, else the last one this phone saw. */
  workshop: PublicWorkshopState | null;
  /** Server clock − this phone's clock; null while `workshop` is the remembered copy (no countdown then). */
  offsetMs: number | null;
  /** Who I am, my couple, readiness and reveals per step, our shares. */
  self: SelfState | null;
}

/** One control connection for a seated partner: the room's pace and our couple. */
export function useParticipantSession(code: string, token: string, initial: PublicWorkshopState | null = null): ParticipantSession {
  const auth = useMemo<HandshakeAuth>(() => ({ role: 'participant', protocol: PROTOCOL_VERSION, token }), [token]);
  const { socket, status } = useControlSocket(auth);
  const live = useLiveWorkshop(socket);
  const self = useLatestEvent(socket, 'self:state');
  // Read once: after that the live state (and its cached copy) takes over.
  const [remembered] = useState(() => readCachedWorkshop(code));

  useEffect(() => {
    if (live) cacheWorkshop(code, live.state);
  }, [code, live]);

  return {
    socket,
    controlStatus: status,
    workshop: live?.state ?? newer(initial, remembered),
    offsetMs: live ? live.offsetMs : null,
    self,
  };
}

/** The page's copy is usually the newer one; a page served from the offline cache may carry an older one than the phone saw. */
function newer(a: PublicWorkshopState | null, b: PublicWorkshopState | null): PublicWorkshopState | null {
  if (!a || !b) return a ?? b;
  return b.version > a.version ? b : a;
}
