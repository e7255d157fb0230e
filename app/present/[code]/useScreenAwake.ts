'use client';

import { useEffect } from 'react';

/**
 * Keeps the projector laptop from dimming or sleeping mid-workshop, where the
 * browser allows it (Screen Wake Lock API). The lock drops whenever the tab
 * is hidden, so it is asked for again when the tab comes back.
 */
export function useScreenAwake(): void {
  useEffect(() => {
    let lock: WakeLockSentinel | null = null;
    let cancelled = false;
    const request = async () => {
      if (document.visibilityState !== 'visible' || !('wakeLock' in navigator)) return;
      try {
        const next = await navigator.wakeLock.request('screen');
        if (cancelled) void next.release();
        else lock = next;
      } catch {
        // Refused (battery saver, insecure origin): the screen may dim; nothing else to do.
      }
    };
    void request();
    document.addEventListener('visibilitychange', request);
    return () => {
      cancelled = true;
      document.removeEventListener('visibilitychange', request);
      void lock?.release();
    };
  }, []);
}
