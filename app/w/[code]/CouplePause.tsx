'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { PauseView, Seat } from '../../../lib/protocol';
import { Button } from '../../_components/Button';
import { useAnnounceChange } from '../../_components/Announcer';
import { bdi } from '../../_i18n/bdi';

interface CouplePauseProps {
  pause: PauseView | null;
  mySeat: Seat;
  partnerName: string | null;
  onPause: (paused: boolean) => Promise<string | null>;
}

/**
 * A pause for when it gets hard. Asking is one calm tap, kept below the exercise so it is there
 * without pressing; a pause asked shows at the top, on both phones, with whether the
 * facilitator has seen it. Only the partner who asked can resume, so the other sees no button.
 */
export function CouplePause({ pause, mySeat, partnerName, onPause }: CouplePauseProps) {
  const t = useTranslations('pause');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = pause?.by === mySeat;
  usePauseAnnouncements(pause, mySeat, partnerName);

  async function send(paused: boolean) {
    setBusy(true);
    setError(null);
    setError(await onPause(paused));
    setBusy(false);
  }

  if (!pause) {
    return (
      <section aria-label={t('ask')} className="flex flex-col gap-2">
        <Button variant="secondary" className="min-h-14 w-full" busy={busy} onClick={() => void send(true)}>
          {t('ask')}
        </Button>
        <p className="text-base text-muted">{t('askHint')}</p>
        {error && (
          <p role="alert" className="text-base text-warn">
            {error}
          </p>
        )}
      </section>
    );
  }

  return (
    <section aria-labelledby="pause-heading" className="flex flex-col gap-3 rounded-3xl border-2 border-accent/40 bg-card p-5">
      <h2 id="pause-heading" className="text-xl font-semibold tracking-tight">
        {mine ? t('youAsked') : t.rich('partnerAsked', { name: partnerName ?? '', bdi })}
      </h2>
      <p className="text-lg leading-relaxed">{mine ? t('youAskedBody') : t.rich('partnerAskedBody', { name: partnerName ?? '', bdi })}</p>
      <p className="flex items-center gap-2 text-base text-muted">
        <span aria-hidden="true">{pause.acknowledged ? '✓' : '…'}</span>
        {pause.acknowledged ? t('seen') : t('toldFacilitator')}
      </p>
      {mine && (
        <Button className="min-h-14 w-full" busy={busy} onClick={() => void send(false)}>
          {t('resume')}
        </Button>
      )}
      {error && (
        <p role="alert" className="text-base text-warn">
          {error}
        </p>
      )}
    </section>
  );
}

/** Said aloud without moving focus: the partner asked, the facilitator saw it, it is over. */
function usePauseAnnouncements(pause: PauseView | null, mySeat: Seat, partnerName: string | null): void {
  const t = useTranslations('pause');
  const state = pause ? `${pause.by}:${pause.acknowledged}` : null;
  useAnnounceChange(state, (from, to) => {
    if (to === null) return from === null ? null : t('announceOver');
    if (from === null) return pause?.by !== mySeat ? t('announcePartner', { partner: partnerName ?? '' }) : null;
    return pause?.acknowledged ? t('announceSeen') : null;
  });
}
