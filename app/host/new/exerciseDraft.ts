import type { z } from 'zod';
import { exerciseSchema, type Exercise } from '../../../lib/catalogue/exercise';
import { newExerciseId } from './myExercises';

/** Field path ("title", "columns.0.label", "stops") → a sentence to show next to that field. */
export type FieldErrors = Record<string, string>;

const LIST_NOUN: Record<string, [string, string]> = {
  columns: ['column', 'columns'],
  areas: ['area', 'areas'],
  stops: ['stop', 'stops'],
  questions: ['question', 'questions'],
};

/** zod's messages are for developers; these are for the person filling in the form. */
function sentence(issue: z.core.$ZodIssue): string {
  const [head] = issue.path;
  if (head === 'minutes') return 'Use whole minutes from 1 to 120.';
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
    if (issue.origin === 'array') {
      const [one, many] = LIST_NOUN[String(head)] ?? ['item', 'items'];
      const noun = limit === 1 ? one : many;
      return issue.code === 'too_small' ? `Add at least ${limit} ${noun}.` : `At most ${limit} ${noun}.`;
    }
    if (issue.origin === 'string') {
      if (issue.code === 'too_big') return `At most ${limit} characters.`;
      if (head === 'title') return 'Give the exercise a title.';
      if (head === 'prompt') return 'Write what couples read on their phones.';
      return 'Write a label, or remove this line.';
    }
  }
  return 'Check this field.';
}

/** Validates an edited exercise; `minutesText` is the raw input so "" and "2.5" are caught too. */
export function validateDraft(draft: Exercise, minutesText: string): { ok: true; exercise: Exercise } | { ok: false; errors: FieldErrors } {
  const minutes = /^\d+$/.test(minutesText.trim()) ? Number(minutesText) : Number.NaN;
  const parsed = exerciseSchema.safeParse({ ...draft, minutes });
  if (parsed.success) return { ok: true, exercise: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.');
    errors[key] ??= sentence(issue);
  }
  return { ok: false, errors };
}

/** A short random id for a column, area or question, unique within its list. */
export function newItemId(prefix: string, taken: readonly { id: string }[]): string {
  for (;;) {
    const id = newExerciseId(prefix).slice(0, prefix.length + 7);
    if (!taken.some((t) => t.id === id)) return id;
  }
}

/** A blank of `kind` with a fresh device id, keeping what was already typed in the shared fields. */
export function blankLike(blank: Exercise, from: Exercise | null): Exercise {
  const id = from?.id ?? newExerciseId();
  if (!from) return { ...blank, id };
  const { title, prompt, facilitatorNote, privateFirst, minutes } = from;
  return { ...blank, id, title, prompt, facilitatorNote, privateFirst, minutes };
}
