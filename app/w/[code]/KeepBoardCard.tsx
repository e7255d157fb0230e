'use client';

import { useTranslations } from 'next-intl';
import { buttonClasses } from '../../_components/Button';
import { LinkShareButtons } from '../../_components/LinkShareButtons';
import { QrCode } from '../../_components/QrCode';
import { reviewPath } from './reviewPath';

interface KeepBoardCardProps {
  reviewUrl: string;
  workshopTitle: string;
  /** Days the board is kept after the end; unknown on a phone that only has an older cached answer. */
  retentionDays: number | null;
}

/**
 * After the end, the one thing left to do: keep the personal review link, so
 * the board can be read (and downloaded, or deleted) later, on any device.
 */
export function KeepBoardCard({ reviewUrl, workshopTitle, retentionDays }: KeepBoardCardProps) {
  const t = useTranslations('board');
  return (
    <section aria-labelledby="keep-board-heading" className="flex flex-col gap-4 rounded-3xl border-2 border-accent bg-card p-5 shadow-sm">
      <h2 id="keep-board-heading" className="text-2xl font-semibold tracking-tight">
        {t('keep.heading')}
      </h2>
      <p className="text-lg leading-relaxed">{t('keep.body')}</p>
      <p dir="ltr" className="rounded-xl border border-line bg-paper px-3 py-2 font-mono text-sm break-all select-all">
        {reviewUrl}
      </p>
      <p className="text-base leading-relaxed font-semibold">{t('keep.private')}</p>
      {/* Same tab: after the end there is nothing left to miss on the live board, and Back returns to it. */}
      <a href={reviewPath(reviewUrl)} className={buttonClasses('primary', 'w-full')}>
        {t('keep.open')}
      </a>
      <LinkShareButtons
        url={reviewUrl}
        shareTitle={workshopTitle}
        copyFallback={t('keep.copyFallback')}
        rowClassName="flex flex-wrap gap-3"
      />
      <div className="flex items-center gap-4">
        <QrCode value={reviewUrl} label={t('keep.qr')} className="w-32 shrink-0 border border-line" />
        <p className="text-base leading-relaxed text-muted">{t('keep.scan')}</p>
      </div>
      {retentionDays !== null && (
        <p className="text-base text-muted">{t('keep.retention', { days: retentionDays })}</p>
      )}
    </section>
  );
}
