'use client';

import { useTranslations } from 'next-intl';
import { buttonClasses, Button } from '../../_components/Button';
import { DownloadIcon, PrintIcon } from '../../_components/icons';
import { LinkShareButtons } from '../../_components/LinkShareButtons';
import { QrCode } from '../../_components/QrCode';

interface ReviewActionsProps {
  /** This page's own path, /review/<secret>: the downloads live beside it. */
  path: string;
  /** The full link, for copying, sharing and the QR code. */
  url: string;
  title: string;
  retentionDays: number;
}

/**
 * Stacked full width: one column on a phone, and in the side column on a
 * laptop. A size smaller than Button's own (hence `!`, which beats its
 * classes), so "Download Markdown" stays on one line on a 360 px screen.
 */
const action = 'w-full justify-start! px-4! text-base!';

/**
 * Ways to keep the board: the two downloads, print, the link itself (copy,
 * share, or scan it onto another device), and how long Twofold keeps it.
 * None of it is printed.
 */
export function ReviewActions({ path, url, title, retentionDays }: ReviewActionsProps) {
  const t = useTranslations('review.actions');
  return (
    <aside id="keep" aria-labelledby="keep-heading" className="flex scroll-mt-6 flex-col gap-6 rounded-3xl border border-line bg-card p-5 print:hidden">
      <h2 id="keep-heading" className="text-2xl font-semibold tracking-tight">
        {t('heading')}
      </h2>
      <LinkShareButtons
        url={url}
        shareTitle={title}
        copyFallback={t('copyFallback')}
        rowClassName="flex flex-col gap-3"
        buttonClassName={action}
      >
        {/* Same-origin files sent as attachments: `download` only names the intent. */}
        <a href={`${path}/export.md`} download className={buttonClasses('secondary', action)}>
          <DownloadIcon />
          {t('markdown')}
        </a>
        <a href={`${path}/export.pdf`} download className={buttonClasses('secondary', action)}>
          <DownloadIcon />
          {t('pdf')}
        </a>
        <Button variant="secondary" className={action} onClick={() => window.print()}>
          <PrintIcon />
          {t('print')}
        </Button>
      </LinkShareButtons>

      <div className="flex items-center gap-4 lg:flex-col lg:items-start">
        <QrCode value={url} label={t('qr')} className="w-28 shrink-0 border border-line lg:w-40" />
        <p className="text-base leading-relaxed text-muted">{t('scan')}</p>
      </div>

      <div className="flex flex-col gap-2 border-t border-line pt-4 text-base leading-relaxed">
        <p>{t('private')}</p>
        <p className="text-muted">{t('kept', { days: retentionDays })}</p>
      </div>
    </aside>
  );
}
