'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import type { Timer } from '../../lib/protocol';
import { timeLeftMs } from '../../lib/workshop/state';

/** Often enough that the shown second never lags by more than a blink. */
const TICK_MS = 250;

/**
 * Milliseconds left on the room's countdown (null without one), ticking
 * while it runs. `offsetMs` is the server-clock offset from useLiveWorkshop.
 */
export function useCountdown(timer: Timer | null, offsetMs: number): number | null {
  const [now, setNow] = useState(() => Date.now());
  const running = timer?.state === 'running';
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const id = window.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => window.clearInterval(id);
  }, [running, timer]);
  return timeLeftMs(timer, now + offsetMs);
}

/** 452_000 → "7:32"; an hour or more → "1:05:00". Seconds round up, so "0:00" means time is really up. */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "7 minutes 32 seconds" for screen readers, which read "7:32" badly; in the page's language. */
export function useSpokenCountdown(): (ms: number) => string {
  const t = useTranslations('common.duration');
  return useCallback(
    (ms: number) => {
      const total = Math.ceil(Math.max(0, ms) / 1000);
      const minutes = Math.floor(total / 60);
      const seconds = total % 60;
      if (minutes === 0) return t('seconds', { seconds });
      return seconds === 0 ? t('minutes', { minutes }) : t('minutesSeconds', { minutes, seconds });
    },
    [t],
  );
}
