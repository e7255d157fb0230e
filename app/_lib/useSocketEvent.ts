'use client';

import { useEffect, useState } from 'react';
import type { ServerToClientEvents } from '../../lib/protocol';
import type { ControlSocket } from './useControlSocket';

const acceptAll = () => true;

type Payload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/** The latest payload of a server event (self:state, host:snapshot), or null before the first one. */
export function useLatestEvent<E extends keyof ServerToClientEvents>(
  socket: ControlSocket | null,
  event: E,
  /** Return false to drop an out-of-order payload. */
  accept: (next: Payload<E>, current: Payload<E> | null) => boolean = acceptAll,
): Payload<E> | null {
  const [latest, setLatest] = useState<Payload<E> | null>(null);
  useEffect(() => {
    if (!socket) return;
    const onEvent = (payload: Payload<E>) => setLatest((current) => (accept(payload, current) ? payload : current));
    // socket.io's typed `on` cannot narrow a generic event name, hence the cast.
    (socket.on as (e: string, fn: (p: Payload<E>) => void) => void)(event, onEvent);
    return () => {
      (socket.off as (e: string, fn: (p: Payload<E>) => void) => void)(event, onEvent);
    };
  }, [socket, event, accept]);
  return latest;
}
