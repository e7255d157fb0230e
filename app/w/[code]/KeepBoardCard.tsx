'use client';

import { buttonClasses } from '../../_components/Button';
import { LinkShareButtons } from '../../_components/LinkShareButtons';
import { QrCode } from '../../_components/QrCode';
import { plural } from '../../_lib/plural';
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
  return (
    <section aria-labelledby="keep-board-heading" className="flex flex-col gap-4 rounded-3xl border-2 border-accent bg-card p-5 shadow-sm">
      <h2 id="keep-board-heading" className="text-2xl font-semibold tracking-tight">
        Keep your board
      </h2>
      <p className="text-lg leading-relaxed">
        Your board stays readable at your own link: read it again later, download it or print it, on this phone or any other device.
      </p>
      <p className="rounded-xl border border-line bg-paper px-3 py-2 font-mono text-sm break-all select-all">{reviewUrl}</p>
      <p className="text-base leading-relaxed font-semibold">This link is yours: anyone with it can read your board — keep it to yourselves.</p>
      {/* Same tab: after the end there is nothing left to miss on the live board, and Back returns to it. */}
      <a href={reviewPath(reviewUrl)} className={buttonClasses('primary', 'w-full')}>
        Open your board
      </a>
      <LinkShareButtons
        url={reviewUrl}
        shareTitle={workshopTitle}
        copyFallback="Press and hold the link above to copy it."
        rowClassName="flex flex-wrap gap-3"
      />
      <div className="flex items-center gap-4">
        <QrCode value={reviewUrl} label="QR code of your review link" className="w-32 shrink-0 border border-line" />
        <p className="text-base leading-relaxed text-muted">Scan it with a laptop or another phone to open your board there.</p>
      </div>
      {retentionDays !== null && (
        <p className="text-base text-muted">
          Kept for {plural(retentionDays, 'day', 'days')} after the workshop ends, then deleted. You can delete it sooner on that
          page.
        </p>
      )}
    </section>
  );
}
