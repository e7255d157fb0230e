'use client';

import { useTranslations } from 'next-intl';
import type { PublicWorkshopState } from '../../../lib/protocol';
import { useCountdown } from '../../_lib/useCountdown';
import { useTimeUpChime } from './useTimeUpChime';

/**
 * The projector's time-up chime, and the honest way round autoplay blocking: while the browser
 * holds sound back, a "turn on the sound" button says so; one click lets the chime play.
 */
export function TimeUpSound({ state, offsetMs }: { state: PublicWorkshopState; offsetMs: number }) {
  const t = useTranslations('timeUp');
  const left = useCountdown(state.timer, offsetMs);
  const { audio, allow } = useTimeUpChime(state.timer, left, state.chime && state.phase !== 'ended');
  if (audio !== 'held') return null;
  return (
    <button
      type="button"
      onClick={() => void allow()}
      title={t('soundHeld')}
      className="inline-flex min-h-11 items-center gap-2 rounded-full border border-line bg-card px-4 py-1.5 text-[1.8vh] font-semibold text-ink hover:bg-paper"
    >
      <span aria-hidden="true">♪</span>
      {t('soundOn')}
    </button>
  );
}
