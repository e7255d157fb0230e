'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { MAX_AGENDA_ITEMS } from '../../../lib/catalogue/agenda';
import { compactButtonClasses } from '../../_components/CompactButton';
import { bdi } from '../../_i18n/bdi';
import { minutesValid, type AgendaEntry } from './useAgenda';

interface AgendaListProps {
  entries: AgendaEntry[];
  move: (uid: string, by: -1 | 1) => void;
  remove: (uid: string) => void;
  setMinutes: (uid: string, minutes: string) => void;
  /** Shown under the list when the agenda cannot be sent as it is. */
  error: string | null;
}

/**
 * The workshop's running order. Reordering uses buttons, not dragging, so it
 * works with a keyboard and a screen reader; the buttons at either end stay
 * focusable (aria-disabled) so focus is not lost when an item reaches the top.
 */
export function AgendaList({ entries, move, remove, setMinutes, error }: AgendaListProps) {
  const t = useTranslations('hostNew.agenda');
  const format = useFormatter();
  const kinds = useTranslations('exerciseKinds');
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const total = entries.reduce((sum, e) => sum + (minutesValid(e.minutes) ? Number(e.minutes) : 0), 0);
  const times = new Map<string, number>();
  for (const e of entries) times.set(e.exercise.title, (times.get(e.exercise.title) ?? 0) + 1);

  function onMove(index: number, by: -1 | 1) {
    const target = index + by;
    if (target < 0 || target >= entries.length) return;
    move(entries[index].uid, by);
    setAnnouncement(t('moved', { title: entries[index].exercise.title, number: target + 1, total: entries.length }));
  }

  // The removed item's buttons are gone; put focus somewhere stable instead of on the page body.
  function onRemove(entry: AgendaEntry) {
    remove(entry.uid);
    setAnnouncement(t('removed', { title: entry.exercise.title }));
    headingRef.current?.focus();
  }

  return (
    <section aria-labelledby="agenda-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="agenda-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-semibold">
          {t('heading')}
        </h2>
        <p className="text-base text-muted">{t('count', { count: entries.length, max: MAX_AGENDA_ITEMS, minutes: total })}</p>
      </div>
      {entries.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-line p-5 text-base text-muted">
          {t('empty')}
        </p>
      ) : (
        <ol className="flex flex-col gap-2">
          {entries.map((e, i) => {
            // An exercise in the agenda twice: its buttons say which one by its place ([R79]), never two identical names.
            const title = (times.get(e.exercise.title) ?? 0) > 1 ? t('nth', { title: e.exercise.title, number: i + 1 }) : e.exercise.title;
            const bad = !minutesValid(e.minutes);
            return (
              <li key={e.uid} className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-2xl border border-line bg-card px-4 py-3">
                <span aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-full bg-paper font-semibold tabular-nums">
                  {format.number(i + 1)}
                </span>
                <div className="min-w-0 flex-1 basis-40">
                  <p dir="auto" className="leading-snug font-semibold">
                    {e.exercise.title}
                  </p>
                  <p className="text-sm text-muted">
                    {t(e.exercise.privateFirst ? 'kindPrivate' : 'kind', { kind: kinds(`${e.exercise.kind}.label`) })}
                  </p>
                </div>
                <label className="flex items-center gap-2 text-base">
                  <span className="sr-only">{t('minutesFor', { title })}</span>
                  <input
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={120}
                    value={e.minutes}
                    onChange={(ev) => setMinutes(e.uid, ev.target.value)}
                    aria-invalid={bad || undefined}
                    className={`min-h-10 w-20 rounded-lg border bg-card px-2 text-end text-base tabular-nums ${bad ? 'border-warn' : 'border-muted'}`}
                  />
                  <span aria-hidden="true" className="text-muted">
                    {t('min')}
                  </span>
                </label>
                <div className="flex gap-1.5">
                  <button
                    type="button"
                    aria-label={t('moveUpNamed', { title })}
                    title={t('moveUp')}
                    aria-disabled={i === 0 || undefined}
                    onClick={() => onMove(i, -1)}
                    className={compactButtonClasses('secondary')}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    aria-label={t('moveDownNamed', { title })}
                    title={t('moveDown')}
                    aria-disabled={i === entries.length - 1 || undefined}
                    onClick={() => onMove(i, 1)}
                    className={compactButtonClasses('secondary')}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                  <button type="button" onClick={() => onRemove(e)} className={compactButtonClasses('quiet')}>
                    {t.rich('remove', { title, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
                  </button>
                </div>
                {bad && <p className="basis-full text-sm text-warn">{t.rich('minutesBad', { title, bdi })}</p>}
              </li>
            );
          })}
        </ol>
      )}
      {error && (
        <p role="alert" className="text-base text-warn">
          {error}
        </p>
      )}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </section>
  );
}
