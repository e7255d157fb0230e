'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { CompactButton } from '../../_components/CompactButton';
import { ConfirmDialog } from '../../_components/ConfirmDialog';
import { useErrorText } from '../../_i18n/errorText';
import { forgetHostKey } from '../../_lib/storage';
import { deleteWorkshop } from './hostApi';

interface DeleteWorkshopProps {
  code: string;
  hostKey: string;
  /** The section's heading level where it sits: h3 inside the console's Room card, h2 on the summary page. */
  heading?: 'h2' | 'h3';
  /** Called once the server deleted it (or it was already gone) and the key is forgotten. */
  onDeleted: () => void;
  /** True from "yes" until the answer: the console ignores its socket being dropped meanwhile. */
  onBusyChange?: (busy: boolean) => void;
}

/**
 * The one irreversible action on the facilitator's side, kept in its own
 * outlined box so it never reads as part of the everyday controls, and asked
 * twice. "Cancel" has focus in the question, so Enter never deletes.
 */
export function DeleteWorkshop({ code, hostKey, heading: Heading = 'h3', onDeleted, onBusyChange }: DeleteWorkshopProps) {
  const t = useTranslations('console.delete');
  const errorText = useErrorText();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setAsking(false);
    setBusy(true);
    setError(null);
    onBusyChange?.(true);
    try {
      await deleteWorkshop(code, hostKey);
      forgetHostKey(code);
      onDeleted();
    } catch (err) {
      setError(t('failed', { reason: errorText(err) }));
      setBusy(false);
      onBusyChange?.(false);
    }
  }

  return (
    <section aria-labelledby={`delete-${code}-heading`} className="flex flex-col gap-3 rounded-2xl border border-dashed border-warn p-4 print:hidden">
      <Heading id={`delete-${code}-heading`} className="text-base font-semibold">
        {t('heading')}
      </Heading>
      <p className="text-sm leading-relaxed text-muted">{t('body')}</p>
      {/* aria-disabled, not disabled, while deleting: the dialog hands focus back here, and a disabled button would drop it. */}
      <CompactButton
        variant="danger"
        className="self-start"
        aria-haspopup="dialog"
        aria-disabled={busy || undefined}
        onClick={() => !busy && setAsking(true)}
      >
        {busy ? t('deleting') : t('button')}
      </CompactButton>
      {error && (
        <p role="alert" className="text-base text-warn">
          {error}
        </p>
      )}
      {asking && (
        <ConfirmDialog title={t('confirmTitle')} confirmLabel={t('confirm')} onCancel={() => setAsking(false)} onConfirm={() => void confirm()}>
          <p>{t('confirmBody')}</p>
          <p className="mt-2">{t('confirmCsv')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
