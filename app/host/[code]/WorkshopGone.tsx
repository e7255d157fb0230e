'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { QuietPage } from '../../_components/QuietPage';
import { bdi } from '../../_i18n/bdi';

/** A quiet page for a workshop that is not here any more. */
function Quiet({ title, children }: { title: string; children: ReactNode }) {
  const t = useTranslations('console.gone');
  return (
    <QuietPage
      title={title}
      home={t('home')}
      scope="host"
      more={
        <Link href="/host/new" className="inline-flex min-h-12 items-center text-lg font-semibold text-accent underline underline-offset-4">
          {t('hostAnother')}
        </Link>
      }
    >
      {children}
    </QuietPage>
  );
}

/** Right after "Yes, delete everything" went through. */
export function WorkshopDeleted({ title }: { title: string }) {
  const t = useTranslations('console.gone');
  return (
    <Quiet title={t('deletedTitle')}>
      <p>{title ? t.rich('deletedNamed', { title, bdi }) : t('deleted')}</p>
      <p className="text-muted">{t('deletedNothingKept')}</p>
    </Quiet>
  );
}

/** The server no longer knows the room: deleted from another device, or past its keeping time. */
export function WorkshopNotHere() {
  const t = useTranslations('console.gone');
  return (
    <Quiet title={t('notHereTitle')}>
      <p>{t('notHereBody')}</p>
    </Quiet>
  );
}
