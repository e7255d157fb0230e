'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type { Seat } from '../../lib/protocol';

/** What each phone tells the other through Yjs awareness. Never stored, gone when the phone goes. */
interface PresenceState {
  user?: { name?: unknown; seat?: unknown };
  typing?: unknown;
}

/** Typing counts as stopped after this long without a keystroke. */
const TYPING_IDLE_MS = 2_000;

/**
 * Announces me on the board (name, seat, which entry I am typing in) and
 * reports whether my partner is typing right now.
 */
export function usePresence(
  provider: WebsocketProvider | null,
  me: { name: string; seat: Seat } | null,
): { partnerTyping: boolean; noteTyping: (entryId: string) => void } {
  const [partnerTyping, setPartnerTyping] = useState(false);
  const idleTimer = useRef<number | null>(null);
  const name = me?.name;
  const seat = me?.seat;

  useEffect(() => {
    if (!provider || !name || !seat) return;
    const awareness = provider.awareness;
    awareness.setLocalState({ user: { name, seat }, typing: null });

    const onChange = () => {
      let typing = false;
      for (const [clientId, raw] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue;
        const state = raw as PresenceState;
        if (state.user?.seat !== seat && typeof state.typing === 'string') typing = true;
      }
      setPartnerTyping(typing);
    };
    awareness.on('change', onChange);
    onChange();
    return () => {
      awareness.off('change', onChange);
      if (idleTimer.current !== null) window.clearTimeout(idleTimer.current);
      setPartnerTyping(false);
    };
  }, [provider, name, seat]);

  const noteTyping = useCallback(
    (entryId: string) => {
      if (!provider) return;
      const awareness = provider.awareness;
      if ((awareness.getLocalState() as PresenceState | null)?.typing !== entryId) {
        awareness.setLocalStateField('typing', entryId);
      }
      if (idleTimer.current !== null) window.clearTimeout(idleTimer.current);
      idleTimer.current = window.setTimeout(() => {
        idleTimer.current = null;
        awareness.setLocalStateField('typing', null);
      }, TYPING_IDLE_MS);
    },
    [provider],
  );

  return { partnerTyping, noteTyping };
}
