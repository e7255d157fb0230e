'use client';

import { useEffect } from 'react';

/**
 * Registers the service worker (public/sw.js) in production, then hands it
 * the URLs this page loaded before it was in control, so that reloading the
 * board with no network still opens it. The board's words come from IndexedDB.
 */
export function OfflineShell() {
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    let cancelled = false;
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        if (cancelled) return;
        const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
        registration.active?.postMessage({ type: 'twofold:cache', urls: [window.location.href, ...loaded] });
      })
      .catch(() => undefined); // without a service worker the board still works online
    return () => {
      cancelled = true;
    };
  }, []);
  return null;
}
