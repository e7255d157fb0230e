'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ShareView } from '../../../lib/protocol';
import { bdi } from '../../_i18n/bdi';
import { excerpt } from './exerciseModel';
import { ShareQuestion } from './ShareAction';
import { useShareSettings } from './shareContext';

/**
 * My partner's share proposals for entries not on this screen (an earlier
 * exercise, or an entry since deleted): the question still deserves an
 * answer, so it is asked here, with the words it is about.
 */
export function ShareRequestsElsewhere({ isOnScreen }: { isOnScreen: (share: ShareView) => boolean }) {
  const t = useTranslations('board');
  const settings = useShareSettings();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!settings) return null;
  const waiting = [...settings.byEntry.values()].filter(
    (s) => s.status === 'proposed' && s.proposedBy !== settings.mySeat && !isOnScreen(s),
  );
  if (waiting.length === 0) return null;

  async function answer(id: string, agree: boolean) {
    if (!settings) return;
    setBusyId(id);
    setError(await settings.commands.answerShare(id, agree));
    setBusyId(null);
  }

  return (
    <section aria-label={t('share.requests')} className="flex flex-col gap-3">
      {waiting.map((share) => (
        <div key={share.id} className="flex flex-col gap-2 rounded-2xl bg-card p-4 shadow-sm">
          <blockquote className="text-lg leading-relaxed break-words">{t.rich('share.quoted', { text: excerpt(share.text, 160), bdi })}</blockquote>
          <ShareQuestion partnerName={settings.partnerName} busy={busyId === share.id} onAnswer={(agree) => answer(share.id, agree)} />
        </div>
      ))}
      {error && (
        <p role="alert" className="text-base text-warn">
          {error}
        </p>
      )}
    </section>
  );
}
