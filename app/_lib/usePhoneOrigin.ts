'use client';

import { useEffect, useState } from 'react';
import type { PhoneOriginResponse } from '../../lib/protocol';
import { api } from './api';

export interface PhoneOriginView {
  /** Where phones open the links this page shows ('' until known: during the server render). */
  origin: string;
  /** How they reach it; null while asking, or when the server could not be asked (then the page's own origin). */
  reach: PhoneOriginResponse['reach'] | null;
}

let asked: Promise<PhoneOriginResponse> | null = null;

/**
 * The origin for join, host and review links and their QR codes ([R76]): a facilitator who opened
 * localhost gets this machine's address on the local network, since no phone can open localhost.
 * The server decides (GET /api/network); asked once per page load.
 */
export function usePhoneOrigin(rendered: PhoneOriginResponse | null = null): PhoneOriginView {
  // The server's render may have asked already (app/_lib/firstScreenData.ts): the page opens with its answer, and asks again to be sure.
  const [view, setView] = useState<PhoneOriginView>(rendered ? { origin: rendered.phoneOrigin, reach: rendered.reach } : { origin: '', reach: null });
  useEffect(() => {
    let live = true;
    asked ??= api<PhoneOriginResponse>('/api/network');
    asked.then(
      // The same answer as the server's render keeps the same view: no second render of the page for it.
      (answer) => live && setView((current) => (current.origin === answer.phoneOrigin && current.reach === answer.reach ? current : { origin: answer.phoneOrigin, reach: answer.reach })),
      () => {
        asked = null;
        if (live) setView({ origin: window.location.origin, reach: null });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return view;
}
