'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { CompactButton } from '../../../_components/CompactButton';
import { DownloadIcon, PrintIcon } from '../../../_components/icons';
import { useErrorText } from '../../../_i18n/errorText';
import { downloadSummaryCsv } from '../hostApi';

/**
 * Keeping the record: the figures as a spreadsheet, or the page on paper.
 * Neither button is printed.
 */
export function SummaryActions({ code, hostKey }: { code: string; hostKey: string }) {
  const t = useTranslations('summary.actions');
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'problem'; text: string } | null>(null);

  async function download() {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const filename = await downloadSummaryCsv(code, hostKey);
      setMessage({ tone: 'ok', text: t('saved', { filename }) });
    } catch (err) {
      setMessage({ tone: 'problem', text: t('failed', { reason: errorText(err) }) });
    }
    setBusy(false);
  }

  return (
    <div className="flex flex-col items-start gap-2 print:hidden sm:items-end">
      <div role="group" aria-label={t('group')} className="flex flex-wrap gap-2">
        {/* aria-disabled while fetching keeps focus on the button (a disabled one would drop it). */}
        <CompactButton aria-disabled={busy || undefined} aria-busy={busy || undefined} onClick={() => void download()}>
          <DownloadIcon />
          {busy ? t('preparing') : t('csv')}
        </CompactButton>
        <CompactButton onClick={() => window.print()}>
          <PrintIcon />
          {t('print')}
        </CompactButton>
      </div>
      <p aria-live="polite" className={`min-h-6 text-sm ${message?.tone === 'problem' ? 'text-warn' : 'text-muted'}`}>
        {message?.text}
      </p>
    </div>
  );
}
