import type { useTranslations } from 'next-intl';
import type { z } from 'zod';
import { exerciseSchema, type Exercise } from '../../../lib/catalogue/exercise';
import { newExerciseId } from './myExercises';

/** Field path ("title", "columns.0.label", "stops") → a sentence to show next to that field. */
export type FieldErrors = Record<string, string>;

type ValidationT = ReturnType<typeof useTranslations<'hostNew.validation'>>;

const LISTS = new Set(['columns', 'areas', 'stops', 'questions']);

/** zod's messages are for developers; these are for the person filling in the form, in their language. */
function sentence(t: ValidationT, issue: z.core.$ZodIssue): string {
  const [head] = issue.path;
  if (head === 'minutes') return t('minutes');
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
    if (issue.origin === 'array') {
      const list = LISTS.has(String(head)) ? String(head) : 'items';
      return t(issue.code === 'too_small' ? 'atLeast' : 'atMost', { limit, list });
    }
    if (issue.origin === 'string') {
      if (issue.code === 'too_big') return t('tooLong', { limit });
      if (head === 'title') return t('title');
      if (head === 'prompt') return t('prompt');
      return t('label');
    }
  }
  return t('check');
}

/** Validates an edited exercise; `minutesText` is the raw input so "" and "2.5" are caught too. */
export function validateDraft(t: ValidationT, draft: Exercise, minutesText: string): { ok: true; exercise: Exercise } | { ok: false; errors: FieldErrors } {
  const minutes = /^\d+$/.test(minutesText.trim()) ? Number(minutesText) : Number.NaN;
  const parsed = exerciseSchema.safeParse({ ...draft, minutes });
  if (parsed.success) return { ok: true, exercise: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.');
    errors[key] ??= sentence(t, issue);
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

/** A library exercise to adapt: the same words and shape under a fresh device id, so it becomes the facilitator's own. */
export function copyOf(exercise: Exercise): Exercise {
  return { ...exercise, id: newExerciseId() };
}

/** A blank of `kind` with a fresh device id, keeping what was already typed in the shared fields. */
export function blankLike(blank: Exercise, from: Exercise | null): Exercise {
  const id = from?.id ?? newExerciseId();
  if (!from) return { ...blank, id };
  const { title, prompt, facilitatorNote, privateFirst, minutes } = from;
  return { ...blank, id, title, prompt, facilitatorNote, privateFirst, minutes };
}
