'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { expiresAt } from '../../../../lib/retentionPolicy';

/*
 * The summary's figures in words, in the page's language. Dates and times are the reader's own
 * (their time zone): the summary is read (and printed) where the facilitator is.
 */
const sameDay = (a: number, b: number) => new Date(a).toDateString() === new Date(b).toDateString();

export function useSummaryText() {
  const t = useTranslations('summary.text');
  const format = useFormatter();
  return useMemo(() => {
    const day = (at: number) => format.dateTime(at, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    const time = (at: number) => format.dateTime(at, { hour: '2-digit', minute: '2-digit' });
    return {
      /** "Tuesday, 14 May 2025 · 19:02 – 21:10", the end on its own date if it ran past midnight. */
      when(createdAt: number, endedAt: number | null): string {
        if (endedAt === null) return t('notEnded', { day: day(createdAt), time: time(createdAt) });
        if (sameDay(createdAt, endedAt)) return t('sameDay', { day: day(createdAt), from: time(createdAt), to: time(endedAt) });
        return t('acrossDays', { fromDay: day(createdAt), from: time(createdAt), toDay: day(endedAt), to: time(endedAt) });
      },
      /** The keeping rule in one sentence, with the actual date it comes to. */
      retention(createdAt: number, endedAt: number | null, retentionDays: number): string {
        const on = format.dateTime(expiresAt(createdAt, endedAt, retentionDays), { day: 'numeric', month: 'long', year: 'numeric' });
        return t(endedAt === null ? 'retentionNotEnded' : 'retention', { days: retentionDays, on });
      },
      /** Minutes as people say them: "12 min", "7.5 min"; under a minute stays honest ("0.4 min"). */
      minutes: (minutes: number): string => t('minutes', { minutes: format.number(minutes, { maximumFractionDigits: 1 }) }),
      /** "3 of 4": a count of couples out of all couples, or the bare count when there were none. */
      ofCouples: (count: number, couples: number): string => (couples > 0 ? t('ofCouples', { count, couples }) : format.number(count)),
    };
  }, [t, format]);
}
