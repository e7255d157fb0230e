'use client';

import { useTranslations } from 'next-intl';
import { LinkShareButtons } from '../../_components/LinkShareButtons';

/** A partner who is not in the room ([R77]): the pair link, sent by message, seats them on this board. */
export function PairLinkShare({ pairUrl }: { pairUrl: string }) {
  const t = useTranslations('consoleShare');
  return (
    <div className="flex flex-col gap-3 border-t border-line pt-4">
      <p className="text-base leading-relaxed">{t('pairRemote')}</p>
      <LinkShareButtons url={pairUrl} shareTitle={t('pairShareTitle')} copyFallback={t('pairCopyFallback')} labels={{ copy: t('copyPair'), share: t('sharePair') }} />
    </div>
  );
}
