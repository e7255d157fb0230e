import { useTranslations } from 'next-intl';
import type { ReviewData, ReviewExercise } from '../../../lib/review/reviewData';
import { SpectrumReview } from './SpectrumReview';
import { WrittenReview } from './WrittenReview';

interface ExerciseReviewProps {
  exercise: ReviewExercise;
  index: number;
  total: number;
  people: ReviewData['people'];
  viewer: ReviewData['viewer'];
}

/** One exercise of the evening, read back: its title and prompt, then what the couple wrote or placed. */
export function ExerciseReview({ exercise, index, total, people, viewer }: ExerciseReviewProps) {
  const t = useTranslations('review');
  const headingId = `exercise-${exercise.key}`;
  // Before a reveal only the reader's own words came back from the server; say so, so the silence is not misread.
  const seats = exercise.revealed ? people.map((p) => p.seat).sort() : [viewer];
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-5 border-t border-line pt-8 first:border-t-0 first:pt-0 print:pt-6">
      <div className="flex flex-col gap-2 break-inside-avoid">
        <p className="text-base text-muted">{t('exerciseOf', { number: index + 1, total })}</p>
        <h2 id={headingId} dir="auto" className="text-3xl font-semibold tracking-tight break-words print:text-2xl">
          {exercise.title}
        </h2>
        <p dir="auto" className="text-lg leading-relaxed text-muted print:text-base">
          {exercise.prompt}
        </p>
      </div>

      {!exercise.revealed && (
        <p className="flex gap-2 rounded-2xl border border-line bg-card px-4 py-3 text-base leading-relaxed print:rounded-none print:px-0 print:py-0 print:border-0">
          <LockIcon />
          <span>{t('stayedPrivate')}</span>
        </p>
      )}

      {exercise.kind === 'columns' && (
        <WrittenReview groups={exercise.columns} people={people} empty={t('nothingWritten')} />
      )}
      {exercise.kind === 'prompts' && (
        <WrittenReview groups={exercise.questions.map((q) => ({ id: q.id, label: q.label, entries: q.answers }))} people={people} empty={t('noAnswer')} />
      )}
      {exercise.kind === 'spectrum' && <SpectrumReview stops={exercise.stops} areas={exercise.areas} people={people} seats={seats} />}
    </section>
  );
}

function LockIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="mt-1 size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.6">
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </svg>
  );
}
