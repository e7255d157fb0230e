'use client';

import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import type { HostSnapshot, WallEntry } from '../../../lib/protocol';
import { CompactButton } from '../../_components/CompactButton';
import type { HostActions } from './useHostActions';

/**
 * What couples agreed to share with the room, without names: the facilitator
 * approves an entry onto the projector, declines it, or takes it down again.
 */
export function WallPanel({ snapshot, actions }: { snapshot: HostSnapshot; actions: HostActions }) {
  const t = useTranslations('console.wall');
  const [showRemoved, setShowRemoved] = useState(false);
  const titleOf = (key: string) => snapshot.agenda.find((a) => a.key === key)?.title ?? '';
  const by = (status: WallEntry['status']) => snapshot.wall.filter((w) => w.status === status).sort((a, b) => a.at - b.at);
  const queued = by('queued');
  const approved = by('approved');
  const removed = by('removed');

  const entry = (w: WallEntry, buttons: ReactNode) => (
    <li key={w.id} className="flex flex-col gap-2 rounded-xl border border-line bg-paper p-3">
      <p dir="auto" className="text-base leading-relaxed break-words whitespace-pre-line">
        {w.text}
      </p>
      <p dir="auto" className="text-sm text-muted">
        {titleOf(w.itemKey)}
      </p>
      <div className="flex flex-wrap gap-2">{buttons}</div>
    </li>
  );

  return (
    <section aria-labelledby="wall-heading" className="flex flex-col gap-4 rounded-3xl border border-line bg-card p-6 shadow-sm">
      <div>
        <h2 id="wall-heading" className="text-lg font-semibold">
          {t('heading')}
        </h2>
        <p className="text-sm text-muted">{t('body')}</p>
      </div>

      <div className="flex flex-col gap-2">
        <h3 className="text-base font-semibold">{t('waiting', { count: queued.length })}</h3>
        {queued.length === 0 ? (
          <p className="text-base text-muted">{t('nothingWaiting')}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {queued.map((w) =>
              entry(
                w,
                <>
                  <CompactButton variant="primary" onClick={() => void actions.wall(t('approve'), w.id, 'approve')}>
                    {t('approve')}
                  </CompactButton>
                  <CompactButton onClick={() => void actions.wall(t('decline'), w.id, 'remove')}>{t('decline')}</CompactButton>
                </>,
              ),
            )}
          </ul>
        )}
      </div>

      <div className="flex flex-col gap-2">
        <h3 className="text-base font-semibold">{t('onWall', { count: approved.length })}</h3>
        {approved.length === 0 ? (
          <p className="text-base text-muted">{t('nothingOnWall')}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {approved.map((w) => entry(w, <CompactButton onClick={() => void actions.wall(t('takeDown'), w.id, 'remove')}>{t('takeDown')}</CompactButton>))}
          </ul>
        )}
      </div>

      {removed.length > 0 && (
        <div className="flex flex-col gap-2">
          <CompactButton variant="quiet" className="self-start" aria-expanded={showRemoved} onClick={() => setShowRemoved((v) => !v)}>
            {showRemoved ? t('hideRemoved', { count: removed.length }) : t('showRemoved', { count: removed.length })}
          </CompactButton>
          {showRemoved && (
            <ul className="flex flex-col gap-2">
              {removed.map((w) => entry(w, <CompactButton onClick={() => void actions.wall(t('putBack'), w.id, 'approve')}>{t('putBack')}</CompactButton>))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
