'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '../../_components/Button';
import { copyText } from '../../_lib/copyText';
import { useCanShare } from '../../_lib/useCanShare';

/**
 * Hands a fresh co-host link over by copying or sharing it, never by showing it (this console may
 * be on a projector). Its own button names, so they never read like the host link's "Copy link".
 */
export function CohostLinkHandover({ url, name, shareTitle }: { url: string; name: string; shareTitle: string }) {
  const t = useTranslations('cohosts');
  const canShare = useCanShare();
  const [said, setSaid] = useState<'copied' | 'failed' | null>(null);

  async function share() {
    try {
      await navigator.share({ title: shareTitle, url });
    } catch {
      // Closing the share sheet rejects too; that is a choice, not a problem.
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" onClick={async () => setSaid((await copyText(url)) ? 'copied' : 'failed')}>
          {t('copy')}
        </Button>
        {canShare && (
          <Button variant="secondary" onClick={() => void share()}>
            {t('share')}
          </Button>
        )}
      </div>
      <p aria-live="polite" className="text-base">
        {said === 'copied' && <span className="font-semibold text-ok">{t.rich('copied', { name, who: (chunks) => <bdi dir="auto">{chunks}</bdi> })}</span>}
        {said === 'failed' && <span className="text-warn">{t('copyFailed')}</span>}
      </p>
    </div>
  );
}
