import type { useTranslations } from 'next-intl';
import type { Exercise, ExerciseKind } from '../../../lib/catalogue/exercise';

/** The kinds a facilitator can start from; their names and descriptions are in messages (exerciseKinds.<kind>). */
export const KINDS: ExerciseKind[] = ['columns', 'spectrum', 'prompts'];

type HostNewT = ReturnType<typeof useTranslations<'hostNew'>>;

/** One line that tells what a couple will fill in, e.g. "What I bring · What I need". */
export function exerciseShape(t: HostNewT, exercise: Exercise): string {
  switch (exercise.kind) {
    case 'columns':
      return exercise.columns.map((c) => c.label).join(' · ');
    case 'spectrum':
      return t('shape.spectrum', { areas: exercise.areas.length, from: exercise.stops[0], to: exercise.stops.at(-1) ?? '' });
    case 'prompts':
      return t('shape.prompts', { questions: exercise.questions.length });
  }
}
