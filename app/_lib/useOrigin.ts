'use client';

import { useSyncExternalStore } from 'react';

const never = () => () => {};

/** This page's origin (https://…), or '' during the server render where there is none. */
export function useOrigin(): string {
  return useSyncExternalStore(
    never,
    () => window.location.origin,
    () => '',
  );
}
