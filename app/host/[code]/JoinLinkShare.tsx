'use client';

import { useTranslations } from 'next-intl';
import { LinkShareButtons } from '../../_components/LinkShareButtons';

/** For remote workshops ([R77]): the whole join link, to paste into a video call's chat or a message. */
export function JoinLinkShare({ joinUrl, title }: { joinUrl: string; title: string }) {
  const t = useTranslations('consoleShare');
  if (!joinUrl) return null;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-base text-muted">{t('remoteHint')}</p>
      <LinkShareButtons url={joinUrl} shareTitle={title} copyFallback={t('copyFallback')} labels={{ copy: t('copyJoin'), share: t('shareJoin') }} />
    </div>
  );
}
