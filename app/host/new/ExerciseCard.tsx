import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { Exercise } from '../../../lib/catalogue/exercise';
import { exerciseShape } from './exerciseKinds';

/**
 * One exercise as a facilitator browses it: what it is, how long, whether
 * couples write privately first, and the facilitator's note on demand.
 * `actions` holds the card's buttons (Add, and Edit/Delete for own ones).
 */
export function ExerciseCard({ exercise, inAgenda, actions }: { exercise: Exercise; inAgenda: number; actions: ReactNode }) {
  const t = useTranslations('hostNew');
  const kinds = useTranslations('exerciseKinds');
  return (
    <li className="flex flex-col gap-3 rounded-2xl border border-line bg-card p-5">
      <div className="flex items-start justify-between gap-3">
        <h3 dir="auto" className="text-lg leading-snug font-semibold">
          {exercise.title}
        </h3>
        {inAgenda > 0 && (
          <span className="shrink-0 rounded-full bg-paper px-2.5 py-0.5 text-sm text-muted">
            {t('card.inAgenda', { count: inAgenda })}
          </span>
        )}
      </div>
      <ul className="flex flex-wrap gap-2 text-sm">
        <Tag>{kinds(`${exercise.kind}.label`)}</Tag>
        {exercise.privateFirst && <Tag strong>{t('card.privateFirst')}</Tag>}
        <Tag>{t('minutes', { minutes: exercise.minutes })}</Tag>
      </ul>
      <p dir="auto" className="text-base text-muted">
        {exerciseShape(t, exercise)}
      </p>
      {exercise.facilitatorNote && (
        <details className="group text-base">
          <summary className="cursor-pointer rounded font-semibold text-accent underline-offset-4 hover:underline">
            {t('card.note')}
          </summary>
          <p dir="auto" className="mt-2 leading-relaxed">
            {exercise.facilitatorNote}
          </p>
        </details>
      )}
      <div className="mt-auto flex flex-wrap gap-2 pt-1">{actions}</div>
    </li>
  );
}

function Tag({ children, strong = false }: { children: ReactNode; strong?: boolean }) {
  return (
    <li className={`rounded-full border px-2.5 py-0.5 ${strong ? 'border-muted font-semibold text-ink' : 'border-line text-muted'}`}>{children}</li>
  );
}
