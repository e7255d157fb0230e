'use client';

import { useEffect, useState } from 'react';
import { readHostKey, saveHostKey } from '../../_lib/storage';

/**
 * The facilitator's key for this room: from the private link's `#key=`
 * fragment (then kept on this device and wiped from the address bar, so it is
 * not shown on a projector or left in a screenshot), or from an earlier visit.
 * undefined while reading, null when this device has no key.
 */
export function useHostKey(code: string): string | null | undefined {
  const [key, setKey] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    const fromLink = new URLSearchParams(window.location.hash.slice(1)).get('key');
    if (fromLink) {
      saveHostKey(code, fromLink);
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
      setKey(fromLink);
    } else {
      setKey(readHostKey(code));
    }
  }, [code]);

  return key;
}
