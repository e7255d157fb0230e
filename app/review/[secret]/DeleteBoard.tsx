'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { bdi } from '../../_i18n/bdi';
import { useErrorText } from '../../_i18n/errorText';
import { Button } from '../../_components/Button';
import { deleteReview } from './deleteReview';

/** Button shape as in Button.tsx, in the warning colour: serious, but no red alarm in a calm room. */
const danger = 'inline-flex min-h-12 items-center justify-center rounded-xl px-5 text-lg font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-60';

interface DeleteBoardProps {
  secret: string;
  /** The partner's name, so the warning says whose words go too. */
  partnerName: string | null;
  onDeleted: () => void;
}

/**
 * "Delete our board", asked twice: the first button only opens the question,
 * which says plainly that both partners' words go for good. The question is
 * inline rather than a modal so its buttons stay thumb-sized on a phone;
 * focus moves to it so a screen reader reads it, and "Keep our board" comes
 * first so a stray Enter never deletes.
 */
export function DeleteBoard({ secret, partnerName, onDeleted }: DeleteBoardProps) {
  const t = useTranslations('review.delete');
  const errorText = useErrorText();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const questionRef = useRef<HTMLHeadingElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) questionRef.current?.focus();
  }, [asking]);

  function cancel() {
    setAsking(false);
    setError(null);
    // The question goes away; focus returns to where it came from rather than to the top of the page.
    window.setTimeout(() => openerRef.current?.focus(), 0);
  }

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await deleteReview(secret);
      onDeleted();
    } catch (err) {
      setError(t('failed', { reason: errorText(err) }));
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="delete-heading" className="flex flex-col gap-4 border-t border-line pt-8 print:hidden">
      <h2 id="delete-heading" className="text-2xl font-semibold tracking-tight">
        {t('heading')}
      </h2>
      <p className="text-lg leading-relaxed">{partnerName ? t.rich('leadNamed', { name: partnerName, bdi }) : t('lead')}</p>
      {!asking ? (
        <button ref={openerRef} type="button" className={`${danger} self-start border-2 border-warn bg-card text-warn hover:bg-paper`} onClick={() => setAsking(true)}>
          {t('open')}
        </button>
      ) : (
        <div className="flex flex-col gap-4 rounded-2xl border-2 border-warn bg-card p-5">
          <h3 ref={questionRef} tabIndex={-1} className="text-xl font-semibold focus:outline-hidden">
            {t('question')}
          </h3>
          <p className="text-lg leading-relaxed">{partnerName ? t.rich('warningNamed', { name: partnerName, bdi }) : t('warning')}</p>
          <div className="flex flex-wrap gap-3">
            <Button variant="secondary" onClick={cancel} disabled={busy}>
              {t('keep')}
            </Button>
            <button type="button" className={`${danger} bg-warn text-card hover:bg-warn/90`} onClick={confirm} disabled={busy} aria-busy={busy || undefined}>
              {busy ? t('deleting') : t('confirm')}
            </button>
          </div>
          {error && (
            <p role="alert" className="text-base text-warn">
              {error}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
