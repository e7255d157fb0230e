'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { CompactButton } from '../../../_components/CompactButton';
import { Notice } from '../../../_components/Notice';
import { useErrorText } from '../../../_i18n/errorText';
import { NoAccess } from '../NoAccess';
import { useHostKey } from '../useHostKey';
import { WorkshopDeleted, WorkshopNotHere } from '../WorkshopGone';
import { SummaryView } from './SummaryView';
import { useSummary } from './useSummary';

/**
 * /host/<code>/summary: the same host key as the console (this device's
 * storage, or a #key= link), then one of: the summary, a way in, a workshop
 * that is gone, or a problem to retry.
 */
export function SummaryScreen({ code }: { code: string }) {
  const t = useTranslations('summary');
  const errorText = useErrorText();
  const hostKey = useHostKey(code);
  const { load, retry } = useSummary(code, hostKey);
  const [deletedTitle, setDeletedTitle] = useState<string | null>(null);

  if (deletedTitle !== null) return <WorkshopDeleted title={deletedTitle} />;
  if (hostKey === null) return <NoAccess code={code} reason={null} what="summary" />;
  if (load.kind === 'gone') return <WorkshopNotHere />;
  if (load.kind === 'refused') return <NoAccess code={code} reason={errorText(load.error)} what="summary" />;
  if (load.kind === 'ready' && hostKey) {
    return <SummaryView code={code} hostKey={hostKey} summary={load.summary} onDeleted={() => setDeletedTitle(load.summary.title)} />;
  }
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-xl flex-col justify-center gap-6 px-5 py-10">
      <h1 className="text-3xl font-semibold tracking-tight">{t('heading')}</h1>
      {load.kind === 'failed' ? (
        <>
          <Notice tone="problem" title={t('failed')}>
            {errorText(load.error)}
          </Notice>
          <CompactButton className="self-start" onClick={retry}>
            {t('tryAgain')}
          </CompactButton>
        </>
      ) : (
        <p role="status" className="text-lg text-muted">
          {t('loading')}
        </p>
      )}
    </main>
  );
}
