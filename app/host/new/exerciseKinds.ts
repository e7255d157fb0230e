import type { Exercise, ExerciseKind } from '../../../lib/catalogue/exercise';

/** How each kind is named to a facilitator, and what its lists are called. */
export const KIND_LABEL: Record<ExerciseKind, string> = {
  columns: 'Columns',
  spectrum: 'Spectrum',
  prompts: 'Questions',
};

export const KIND_DESCRIPTION: Record<ExerciseKind, string> = {
  columns: 'Each partner writes lists under one to three headings.',
  spectrum: 'Each partner places a marker on a line for several areas of life.',
  prompts: 'Each partner answers a few questions, one answer each.',
};

/** One line that tells what a couple will fill in, e.g. "What I bring · What I need". */
export function exerciseShape(exercise: Exercise): string {
  switch (exercise.kind) {
    case 'columns':
      return exercise.columns.map((c) => c.label).join(' · ');
    case 'spectrum':
      return `${exercise.areas.length} ${exercise.areas.length === 1 ? 'area' : 'areas'}, from ${exercise.stops[0]} to ${exercise.stops.at(-1)}`;
    case 'prompts':
      return `${exercise.questions.length} ${exercise.questions.length === 1 ? 'question' : 'questions'}`;
  }
}
