'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState, type ReactNode } from 'react';
import { copyText } from '../_lib/copyText';
import { useCanShare } from '../_lib/useCanShare';
import { Button } from './Button';

interface LinkShareButtonsProps {
  url: string;
  /** Title for the system share sheet (e.g. the workshop title). */
  shareTitle: string;
  /** What to do when copying is not possible in this browser: where else the link can be copied from. */
  copyFallback: string;
  /** Classes of the row (or grid) the buttons sit in. */
  rowClassName?: string;
  /** Extra classes for each of the two buttons. */
  buttonClassName?: string;
  /** Other actions that belong in the same row, before these two (downloads, print). */
  children?: ReactNode;
  /** Names that say which link, where a page has more than one ("Copy join link"); "Copy link" and "Share" otherwise. */
  labels?: { copy: string; share: string };
}

type Said = { kind: 'copied' } | { kind: 'copy-failed' } | null;

/** How long "Link copied" stays: long enough to read, short enough that a second copy says it again. */
const SAID_MS = 4_000;

/**
 * "Copy link" and, where the device has one, "Share" (the system share sheet).
 * The outcome is written under the row and spoken through a polite live
 * region (present from the start, so screen readers do not miss it).
 */
export function LinkShareButtons({ url, shareTitle, copyFallback, rowClassName = 'flex flex-wrap gap-3', buttonClassName = '', children, labels }: LinkShareButtonsProps) {
  const t = useTranslations('common');
  const canShare = useCanShare();
  const [said, setSaid] = useState<Said>(null);

  useEffect(() => {
    if (said?.kind !== 'copied') return;
    const id = window.setTimeout(() => setSaid(null), SAID_MS);
    return () => window.clearTimeout(id);
  }, [said]);

  async function copy() {
    setSaid((await copyText(url)) ? { kind: 'copied' } : { kind: 'copy-failed' });
  }

  async function share() {
    try {
      await navigator.share({ title: shareTitle, url });
    } catch {
      // Closing the share sheet rejects too; that is a choice, not a problem.
    }
  }

  // Named links ("Copy link for your partner") may wrap on a 320 px phone rather than overflow their card.
  const classes = labels ? `text-start ${buttonClassName}` : `whitespace-nowrap ${buttonClassName}`;
  return (
    <div className="flex flex-col">
      <div className={rowClassName}>
        {children}
        <Button variant="secondary" className={classes} onClick={copy}>
          <CopyIcon />
          {labels?.copy ?? t('copyLink')}
        </Button>
        {canShare && (
          <Button variant="secondary" className={classes} onClick={share}>
            <ShareIcon />
            {labels?.share ?? t('share')}
          </Button>
        )}
      </div>
      <p aria-live="polite" className="text-base">
        {said?.kind === 'copied' && <span className="mt-3 block font-semibold text-ok">{t('linkCopied')}</span>}
        {said?.kind === 'copy-failed' && <span className="mt-3 block text-warn">{t('copyFailed', { fallback: copyFallback })}</span>}
      </p>
    </div>
  );
}

/** Two overlapping sheets. Decorative: the button's words say it. */
function CopyIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round">
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
      <path d="M10.5 5.5V4a1.5 1.5 0 0 0-1.5-1.5H4A1.5 1.5 0 0 0 2.5 4v5A1.5 1.5 0 0 0 4 10.5h1.5" />
    </svg>
  );
}

/** An arrow leaving a box. Decorative. */
function ShareIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      <path d="M8 10V2.5M5 5.5l3-3 3 3" />
      <path d="M3.5 8.5v4a1 1 0 0 0 1 1h7a1 1 0 0 0 1-1v-4" />
    </svg>
  );
}
