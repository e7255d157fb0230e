'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { bdi } from '../../_i18n/bdi';

interface ReadyPanelProps {
  ready: boolean;
  partner: { name: string; ready: boolean } | null;
  /** Only while the exercise runs: the server takes "ready" for the step on screen. */
  enabled: boolean;
  onReady: (ready: boolean) => Promise<string | null>;
}

/**
 * The end of a private-first exercise: "I'm ready" when I have written what I
 * want to, with a way back ("Not ready yet") until my partner is ready too.
 * Big, because it is the one thing to do next.
 */
export function ReadyPanel({ ready, partner, enabled, onReady }: ReadyPanelProps) {
  const t = useTranslations('board');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    setBusy(true);
    setError(null);
    setError(await onReady(!ready));
    setBusy(false);
  }

  const partnerLine = !partner
    ? t('ready.partnerNotJoined')
    : t.rich(partner.ready ? 'ready.partnerReady' : 'ready.partnerWriting', { name: partner.name, bdi });

  return (
    <section aria-labelledby="ready-heading" className="flex flex-col gap-4 rounded-3xl border-2 border-line bg-card p-5">
      <h2 id="ready-heading" className="text-xl font-semibold tracking-tight">
        {ready ? t('ready.youAreReady') : t('ready.doneWriting')}
      </h2>
      <p className="text-base leading-relaxed text-muted">
        {ready
          ? partner
            ? t.rich('ready.readyBodyWithName', { name: partner.name, bdi })
            : t('ready.readyBody')
          : t('ready.notReadyBody')}
      </p>
      <button
        type="button"
        onClick={toggle}
        disabled={!enabled || busy}
        className={
          'min-h-14 w-full rounded-2xl px-5 text-xl font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-60 ' +
          (ready ? 'border border-muted bg-card text-ink hover:bg-paper' : 'bg-accent text-accent-ink hover:bg-accent-hover')
        }
      >
        {/* English keeps a straight apostrophe: it is what people (and tests) type when they look for this button. */}
        {ready ? t('ready.notReadyYet') : t('ready.imReady')}
      </button>
      {/* Said aloud by the page's Announcer when it changes, not by a live region of its own. */}
      <p className="flex items-center gap-2 text-lg">
        <span aria-hidden="true">{partner?.ready ? '✓' : '…'}</span>
        {partnerLine}
      </p>
      {error && (
        <p role="alert" className="text-base text-warn">
          {error}
        </p>
      )}
    </section>
  );
}
