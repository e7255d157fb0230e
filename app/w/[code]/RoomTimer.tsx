'use client';

import { useTranslations } from 'next-intl';
import { formatCountdown, useSpokenCountdown } from '../../_lib/useCountdown';

/**
 * The room's countdown in the status bar: big enough to read at a glance,
 * quiet for screen readers (a timer role is never announced by itself; the
 * spoken form is there when someone asks for it).
 */
export function RoomTimer({ msLeft, paused }: { msLeft: number; paused: boolean }) {
  const t = useTranslations('board');
  const spoken = useSpokenCountdown();
  return (
    <p
      role="timer"
      className={`flex shrink-0 flex-col items-end leading-none ${msLeft === 0 ? 'text-accent' : 'text-ink'}`}
    >
      <span className="sr-only">{paused ? t('timer.pausedAt', { time: spoken(msLeft) }) : t('timer.left', { time: spoken(msLeft) })}</span>
      <span aria-hidden="true" dir="ltr" className="font-mono text-2xl font-semibold tabular-nums">
        {formatCountdown(msLeft)}
      </span>
      {paused && (
        <span aria-hidden="true" className="mt-0.5 text-xs font-semibold tracking-wide text-muted uppercase">
          {t('timer.paused')}
        </span>
      )}
    </p>
  );
}
