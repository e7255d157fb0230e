'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { LinkShareButtons } from '../../_components/LinkShareButtons';
import { QrCode } from '../../_components/QrCode';
import { reviewPath } from './reviewPath';

/**
 * At the bottom of the board, at any time: the personal review link, folded
 * away until asked for. (After the end the "Keep your board" card shows it
 * up front instead.) A native <details>, so it opens with a tap, Enter or
 * Space and screen readers know it is expandable.
 */
export function ReviewLinkFooter({ reviewUrl, workshopTitle }: { reviewUrl: string; workshopTitle: string }) {
  // The QR code is drawn the first time the footer opens: encoding it is a long task on a slow phone,
  // wasted on every board load while the footer stays folded.
  const t = useTranslations('board');
  const [opened, setOpened] = useState(false);
  return (
    <details className="group rounded-2xl border border-line bg-card" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary className="flex min-h-12 list-none [&::-webkit-details-marker]:hidden cursor-pointer items-center justify-between gap-3 rounded-2xl px-4 text-base font-semibold">
        {t('reviewLink.summary')}
        <span aria-hidden="true" className="text-muted transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="flex flex-col gap-4 px-4 pb-4">
        <p className="text-base leading-relaxed">{t('reviewLink.body')}</p>
        <p dir="ltr" className="rounded-xl border border-line bg-paper px-3 py-2 font-mono text-sm break-all select-all">{reviewUrl}</p>
        <LinkShareButtons url={reviewUrl} shareTitle={workshopTitle} copyFallback={t('keep.copyFallback')} rowClassName="flex flex-wrap gap-3" />
        <div className="flex items-center gap-4">
          <QrCode value={reviewUrl} label={t('keep.qr')} draw={opened} className="w-28 shrink-0 border border-line" />
          <a href={reviewPath(reviewUrl)} className="inline-flex min-h-11 items-center text-base font-semibold text-accent underline underline-offset-4">
            {t('reviewLink.open')}
          </a>
        </div>
      </div>
    </details>
  );
}
