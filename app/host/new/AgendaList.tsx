'use client';

import { useRef, useState } from 'react';
import { MAX_AGENDA_ITEMS } from '../../../lib/catalogue/agenda';
import { compactButtonClasses } from '../../_components/CompactButton';
import { KIND_LABEL } from './exerciseKinds';
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
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const total = entries.reduce((sum, e) => sum + (minutesValid(e.minutes) ? Number(e.minutes) : 0), 0);

  function onMove(index: number, by: -1 | 1) {
    const target = index + by;
    if (target < 0 || target >= entries.length) return;
    move(entries[index].uid, by);
    setAnnouncement(`${entries[index].exercise.title} is now number ${target + 1} of ${entries.length}.`);
  }

  // The removed item's buttons are gone; put focus somewhere stable instead of on the page body.
  function onRemove(entry: AgendaEntry) {
    remove(entry.uid);
    setAnnouncement(`Removed ${entry.exercise.title} from the agenda.`);
    headingRef.current?.focus();
  }

  return (
    <section aria-labelledby="agenda-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="agenda-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-semibold">
          Agenda
        </h2>
        <p className="text-base text-muted">
          {entries.length} of {MAX_AGENDA_ITEMS} exercises · about {total} min
        </p>
      </div>
      {entries.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-line p-5 text-base text-muted">
          The agenda is empty. Add at least one exercise from the library.
        </p>
      ) : (
        <ol className="flex flex-col gap-2">
          {entries.map((e, i) => {
            const title = e.exercise.title;
            const bad = !minutesValid(e.minutes);
            return (
              <li key={e.uid} className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-2xl border border-line bg-card px-4 py-3">
                <span aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-full bg-paper font-semibold tabular-nums">
                  {i + 1}
                </span>
                <div className="min-w-0 flex-1 basis-40">
                  <p className="leading-snug font-semibold">{title}</p>
                  <p className="text-sm text-muted">
                    {KIND_LABEL[e.exercise.kind]}
                    {e.exercise.privateFirst && ' · private first'}
                  </p>
                </div>
                <label className="flex items-center gap-2 text-base">
                  <span className="sr-only">Minutes for {title}</span>
                  <input
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={120}
                    value={e.minutes}
                    onChange={(ev) => setMinutes(e.uid, ev.target.value)}
                    aria-invalid={bad || undefined}
                    className={`min-h-10 w-20 rounded-lg border bg-card px-2 text-right text-base tabular-nums ${bad ? 'border-warn' : 'border-muted'}`}
                  />
                  <span aria-hidden="true" className="text-muted">
                    min
                  </span>
                </label>
                <div className="flex gap-1.5">
                  <button
                    type="button"
                    aria-label={`Move ${title} up`}
                    title="Move up"
                    aria-disabled={i === 0 || undefined}
                    onClick={() => onMove(i, -1)}
                    className={compactButtonClasses('secondary')}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    aria-label={`Move ${title} down`}
                    title="Move down"
                    aria-disabled={i === entries.length - 1 || undefined}
                    onClick={() => onMove(i, 1)}
                    className={compactButtonClasses('secondary')}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                  <button type="button" onClick={() => onRemove(e)} className={compactButtonClasses('quiet')}>
                    Remove<span className="sr-only"> {title}</span>
                  </button>
                </div>
                {bad && <p className="basis-full text-sm text-warn">Minutes for {title}: a whole number from 1 to 120.</p>}
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
