'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { CoupleSummary, PauseSummary } from '../../../lib/protocol';
import { useAnnounceChange } from '../../_components/Announcer';
import { CompactButton } from '../../_components/CompactButton';
import { StatusDot } from '../../_components/StatusDot';
import { useRelativeTime } from '../../_i18n/useRelativeTime';
import { coupleName } from './consoleText';
import type { HostActions } from './useHostActions';

/**
 * The couples that asked for a pause, at the top of the console where the facilitator looks
 * first: that they asked and since when, never who or why. "I have seen it" tells both phones;
 * the pause ends when the partner who asked resumes.
 */
export function PauseRequests({ couples, now, actions }: { couples: CoupleSummary[]; now: number; actions: HostActions }) {
  const t = useTranslations('pause');
  const tc = useTranslations('console');
  const format = useFormatter();
  const relativeTime = useRelativeTime();
  const paused = couples.filter((c) => c.pause !== null).sort((x, y) => x.pause!.since - y.pause!.since);
  useAnnounceChange(paused.length, (from, to) => (to > from ? t('announceConsole', { count: to }) : null));
  if (paused.length === 0) return null;
  return (
    <section aria-labelledby="pause-requests-heading" className="flex flex-col gap-3 rounded-3xl border-2 border-accent/50 bg-card p-5 shadow-sm">
      <h2 id="pause-requests-heading" className="text-xl font-semibold">
        {t('consoleHeading', { count: paused.length })}
      </h2>
      <p className="max-w-prose text-base text-muted">{t('consoleBody')}</p>
      <ul className="flex flex-col divide-y divide-line">
        {paused.map((couple) => {
          const name = coupleName(tc, format, couple.members);
          return (
            <li key={couple.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-2">
              <bdi className="font-semibold">{name}</bdi>
              <span className="text-base text-muted">{t('asked', { when: relativeTime(couple.pause!.since, now) })}</span>
              {couple.pause!.acknowledged ? (
                <span className="ms-auto text-base">{t('acknowledged')}</span>
              ) : (
                <CompactButton
                  variant="primary"
                  className="ms-auto"
                  aria-label={t('acknowledgeFor', { name })}
                  onClick={() => void actions.pauseAck(t('acknowledgeFor', { name }), couple.id)}
                >
                  {t('acknowledge')}
                </CompactButton>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** In a couple's row of the table: the same fact, in words. */
export function PauseBadge({ pause }: { pause: PauseSummary | null }) {
  const t = useTranslations('pause');
  if (!pause) return null;
  return <StatusDot tone="warn" label={t('badge')} className="mb-1 font-semibold" />;
}
