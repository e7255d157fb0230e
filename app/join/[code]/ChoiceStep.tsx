'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { bdi } from '../../_i18n/bdi';
import { PairCodeForm } from './PairCodeForm';

interface ChoiceStepProps {
  name: string;
  /** Pair code to pre-fill (from a partner's QR link), and why using it failed, if it did. */
  pairCode: string;
  pairError: string | null;
  onStart: () => Promise<string | null>;
  onJoin: (pairCode: string) => Promise<string | null>;
}

/** Step 2: one partner starts the couple's board, the other joins it with the pair code. */
export function ChoiceStep({ name, pairCode, pairError, onStart, onJoin }: ChoiceStepProps) {
  const t = useTranslations('join');
  const [joining, setJoining] = useState(pairCode !== '' || pairError !== null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const formId = useId();

  async function start() {
    setStarting(true);
    setStartError(null);
    const problem = await onStart();
    if (problem) {
      setStartError(problem);
      setStarting(false);
    }
  }

  const choice =
    'flex min-h-20 w-full flex-col items-start gap-1 rounded-2xl border-2 px-5 py-4 text-start transition-colors disabled:opacity-60';

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h2 className="text-2xl font-semibold tracking-tight">{t.rich('choiceHeading', { name, bdi })}</h2>
        <p className="mt-2 text-lg leading-relaxed text-muted">{t('choiceLead')}</p>
      </div>

      <div className="flex flex-col gap-3">
        {/* Named by all its visible words (WCAG 2.5.3): what a person sees is what voice control and screen readers hear. */}
        <button
          type="button"
          onClick={start}
          disabled={starting}
          className={`${choice} border-accent bg-accent text-accent-ink hover:bg-accent-hover`}
        >
          <span className="text-xl font-semibold">{starting ? t('starting') : t('startBoard')}</span>{' '}
          <span className="text-base">
            {t('startHint')}
          </span>
        </button>
        {startError && (
          <p role="alert" className="text-base text-warn">
            {startError}
          </p>
        )}

        <button
          type="button"
          aria-expanded={joining}
          aria-controls={formId}
          onClick={() => setJoining((v) => !v)}
          className={`${choice} border-muted bg-card text-ink hover:bg-paper`}
        >
          <span className="text-xl font-semibold">{t('joinPartnerChoice')}</span>{' '}
          <span className="text-base text-muted">
            {t('joinHint')}
          </span>
        </button>
      </div>

      <div id={formId} hidden={!joining} className="rounded-2xl border border-line bg-card p-5">
        {joining && <PairCodeForm initialCode={pairCode} initialError={pairError} onSubmit={onJoin} />}
      </div>
    </div>
  );
}
