'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '../../_components/Button';

/**
 * The private console link, copyable but never displayed: the console may
 * end up on a projector, and whoever holds this link can run the room.
 */
export function HostLinkPanel({ hostUrl }: { hostUrl: string }) {
  const t = useTranslations('console.hostLink');
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(hostUrl);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
    window.setTimeout(() => setCopied(null), 4000);
  }

  return (
    <section aria-labelledby="host-link-heading" className="flex flex-col gap-3 rounded-3xl border border-line bg-card p-6 shadow-sm">
      <h2 id="host-link-heading" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      <p className="text-base leading-relaxed text-muted">{t('body')}</p>
      <Button variant="secondary" onClick={copy} className="self-start">
        {t('copy')}
      </Button>
      <p aria-live="polite" className="min-h-6 text-base">
        {copied === 'yes' && t('copied')}
        {copied === 'failed' && t('copyFailed')}
      </p>
    </section>
  );
}
