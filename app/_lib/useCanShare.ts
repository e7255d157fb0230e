'use client';

import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * Whether this browser has the system share sheet (navigator.share: most
 * phones, some laptops, and only in secure contexts). False during the server
 * render, so the Share button appears after hydration instead of mismatching.
 */
export function useCanShare(): boolean {
  return useSyncExternalStore(
    never,
    () => typeof navigator.share === 'function',
    () => false,
  );
}
