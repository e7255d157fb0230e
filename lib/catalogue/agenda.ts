import { z } from 'zod';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { inLocale, libraryFor } from './catalogue';
import { exerciseSchema, type Exercise } from './exercise';

/**
 * A workshop's agenda: the exercises chosen when it was created, copied in so
 * that later edits of a facilitator's own exercises never change a past
 * workshop. Each item gets a key unique within the agenda (the exercise id,
 * suffixed when an exercise appears twice); board entries refer to it.
 */
export type AgendaItem = Exercise & { key: string };

/** Omit that keeps a union a union (a plain Omit would drop every kind's own fields). */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What phones and the projector see of an item: everything but the facilitator's note. */
export type PublicAgendaItem = OmitEach<AgendaItem, 'facilitatorNote'>;

export const MAX_AGENDA_ITEMS = 12;
export const agendaInputSchema = z.array(exerciseSchema).min(1).max(MAX_AGENDA_ITEMS);

/**
 * The agenda of a workshop in `locale`: the whole library when no exercises are given; library
 * exercises as shipped come in the workshop's language (catalogue.ts, inLocale).
 */
export function buildAgenda(exercises?: readonly Exercise[], locale: Locale = DEFAULT_LOCALE): AgendaItem[] {
  const used = new Map<string, number>();
  return (exercises ?? libraryFor(locale)).map((given) => {
    const exercise = inLocale(given, locale);
    const n = (used.get(exercise.id) ?? 0) + 1;
    used.set(exercise.id, n);
    return { ...exercise, key: n === 1 ? exercise.id : `${exercise.id}-${n}` };
  });
}

export function publicItem(item: AgendaItem): PublicAgendaItem {
  const { facilitatorNote: _note, ...rest } = item;
  return rest;
}
