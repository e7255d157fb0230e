'use client';

import { useEffect, useRef, useState } from 'react';
import type { Timer } from '../../../lib/protocol';

/** Short and single: a nudge in a quiet room, not an alarm. */
const BUZZ_MS = 180;

function gentleBuzz(): void {
  // Reduced motion asks for less of everything that moves; a buzz is motion in the hand.
  if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) return;
  // Not every browser has it (iOS Safari does not), and without a tap on the page first it is ignored.
  if (typeof navigator.vibrate === 'function') navigator.vibrate(BUZZ_MS);
}

/**
 * Whether the room's running countdown has reached zero (until dismissed, or
 * until the facilitator sets another). Buzzes once when it runs out while
 * this phone watches, never when the page merely opens on a finished one.
 */
export function useTimesUp(timer: Timer | null, msLeft: number | null): { timesUp: boolean; dismiss: () => void } {
  const timerKey = timer?.state === 'running' ? String(timer.endsAt) : null;
  const [dismissedKey, setDismissedKey] = useState<string | null>(null);
  const sawTimeLeft = useRef(false);
  const atZero = timerKey !== null && msLeft === 0;

  useEffect(() => {
    if (msLeft !== null && msLeft > 0) sawTimeLeft.current = true;
    if (atZero && sawTimeLeft.current) {
      sawTimeLeft.current = false;
      gentleBuzz();
    }
  }, [msLeft, atZero]);

  return { timesUp: atZero && dismissedKey !== timerKey, dismiss: () => setDismissedKey(timerKey) };
}
