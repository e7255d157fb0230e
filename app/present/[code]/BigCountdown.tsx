'use client';

import { useTranslations } from 'next-intl';
import type { Timer } from '../../../lib/protocol';
import { formatCountdown, useCountdown } from '../../_lib/useCountdown';

/**
 * The countdown for the back row. At zero it says "Time's up" once, calmly:
 * no flashing, no colour alarm, so nobody is startled mid-sentence.
 */
export function BigCountdown({ timer, offsetMs, size }: { timer: Timer; offsetMs: number; size: 'huge' | 'large' }) {
  const t = useTranslations('projector');
  const left = useCountdown(timer, offsetMs) ?? 0;
  const paused = timer.state === 'paused';
  const digits = size === 'huge' ? 'text-[min(24vh,15vw)]' : 'text-[min(16vh,10vw)]';

  if (!paused && left === 0) {
    return (
      <div className="flex flex-col items-center gap-[1vh] text-center">
        <p className={`${size === 'huge' ? 'text-[11vh]' : 'text-[8vh]'} leading-none font-semibold`}>{t('timesUp')}</p>
        <p className="text-[3vh] text-muted">{t('finishSentence')}</p>
      </div>
    );
  }
  return (
    <div className="flex flex-col items-center gap-[1vh]">
      {/* The time is read from the screen, not announced: a ticking live region would be noise. */}
      <p dir="ltr" className={`font-mono leading-none font-semibold tabular-nums ${digits} ${paused ? 'text-muted' : ''}`}>
        {formatCountdown(left)}
      </p>
      <p className="text-[3.2vh] text-muted">{paused ? t('paused') : t('left')}</p>
    </div>
  );
}
