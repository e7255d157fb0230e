'use client';

import { useEffect, useState } from 'react';
import type { PublicWorkshopState } from '../../lib/protocol';
import type { ControlSocket } from './useControlSocket';

interface LiveWorkshop {
  state: PublicWorkshopState;
  /**
   * server clock − this device's clock, measured when the state arrived.
   * Countdowns use Date.now() + offset so the console, the projector and
   * every phone show the same second even if a laptop clock is off by minutes.
   */
  offsetMs: number;
}

/**
 * The room's public state ('workshop:state') as it arrives on any control
 * socket: phase, step, agenda, countdown, lock. Null until the first one.
 */
export function useLiveWorkshop(socket: ControlSocket | null): LiveWorkshop | null {
  const [live, setLive] = useState<LiveWorkshop | null>(null);
  useEffect(() => {
    if (!socket) return;
    const onState = (state: PublicWorkshopState) => {
      const offsetMs = state.serverNow - Date.now();
      // A reconnect may replay the same version (fresh serverNow, same state): keep it for the clock.
      setLive((current) => (current && state.version < current.state.version ? current : { state, offsetMs }));
    };
    socket.on('workshop:state', onState);
    return () => {
      socket.off('workshop:state', onState);
    };
  }, [socket]);
  return live;
}
