'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { HostSnapshot, WallEntry } from '../../../lib/protocol';
import { CompactButton } from '../../_components/CompactButton';
import { SpotlightControl } from './SpotlightControl';
import type { HostActions } from './useHostActions';

/**
 * What couples agreed to share with the room, without names: the facilitator
 * approves an entry onto the projector, declines it, or takes it down again.
 */
export function WallPanel({ snapshot, actions, spotlight }: { snapshot: HostSnapshot; actions: HostActions; spotlight: string | null }) {
  const t = useTranslations('console.wall');
  const [showRemoved, setShowRemoved] = useState(false);
  const titleOf = (key: string) => snapshot.agenda.find((a) => a.key === key)?.title ?? '';
  const by = (status: WallEntry['status']) => snapshot.wall.filter((w) => w.status === status).sort((a, b) => a.at - b.at);
  const queued = by('queued');
  const approved = by('approved');
  const removed = by('removed');

  // Approving or declining takes the entry, and the button just pressed, out of the queue: focus goes on to the
  // next entry waiting, or to the queue's heading, instead of dropping onto the page (only if it did drop).
  const [answered, setAnswered] = useState<string | null>(null);
  const waitingHeading = useRef<HTMLHeadingElement>(null);
  const waitingList = useRef<HTMLUListElement>(null);
  const stillQueued = answered !== null && queued.some((w) => w.id === answered);
  useEffect(() => {
    if (answered === null || stillQueued) return;
    const active = document.activeElement;
    if (!active || active === document.body) (waitingList.current?.querySelector('button') ?? waitingHeading.current)?.focus();
    setAnswered(null);
  }, [answered, stillQueued]);
  const answer = async (what: string, id: string, action: 'approve' | 'remove') => {
    if (await actions.wall(what, id, action)) setAnswered(id);
  };

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
        <h3 ref={waitingHeading} tabIndex={-1} className="text-base font-semibold focus-visible:outline-none!">
          {t('waiting', { count: queued.length })}
        </h3>
        {queued.length === 0 ? (
          <p className="text-base text-muted">{t('nothingWaiting')}</p>
        ) : (
          <ul ref={waitingList} className="flex flex-col gap-2">
            {queued.map((w) =>
              entry(
                w,
                <>
                  <CompactButton variant="primary" onClick={() => void answer(t('approve'), w.id, 'approve')}>
                    {t('approve')}
                  </CompactButton>
                  <CompactButton onClick={() => void answer(t('decline'), w.id, 'remove')}>{t('decline')}</CompactButton>
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
            {approved.map((w) =>
              entry(
                w,
                <>
                  <SpotlightControl id={w.id} spotlighted={spotlight === w.id} actions={actions} />
                  <CompactButton onClick={() => void actions.wall(t('takeDown'), w.id, 'remove')}>{t('takeDown')}</CompactButton>
                </>,
              ),
            )}
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
