'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { QuietPage } from '../../_components/QuietPage';
import { bdi } from '../../_i18n/bdi';

/** A quiet page for a board that is not here (any more). */
function Quiet({ title, children }: { title: string; children: ReactNode }) {
  const t = useTranslations('review.gone');
  return (
    <QuietPage title={title} home={t('home')}>
      {children}
    </QuietPage>
  );
}

/** 404: an unknown link, or a board one of the partners deleted, or one past its keeping time. */
export function BoardNotHere() {
  const t = useTranslations('review.gone');
  return (
    <Quiet title={t('notHereTitle')}>
      <p>{t('notHereBody')}</p>
      <p className="text-muted">{t('checkLink')}</p>
    </Quiet>
  );
}

/** Right after "Delete for good" went through. */
export function BoardDeleted({ partnerName }: { partnerName: string | null }) {
  const t = useTranslations('review.gone');
  return (
    <Quiet title={t('deletedTitle')}>
      <p>{partnerName ? t.rich('deletedBodyNamed', { name: partnerName, bdi }) : t('deletedBody')}</p>
      <p className="text-muted">{t('deletedKept')}</p>
    </Quiet>
  );
}
