import { describe, expect, it } from 'vitest';
import { blankExercises, EXERCISE_LIBRARY, inLocale, libraryFor } from '../../lib/catalogue/catalogue';
import { exerciseSchema } from '../../lib/catalogue/exercise';
import { CATALOGUE_TEXT } from '../../lib/catalogue/text';
import { DEFAULT_LOCALE, LOCALES } from '../../lib/i18n/locales';

/** "bringNeed.columns.bring" for every string leaf. */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

describe('the exercise library in every language', () => {
  const english = leafKeys(CATALOGUE_TEXT.en).sort();

  it.each(LOCALES)('[R58] %s has exactly the English text keys, none empty', (locale) => {
    expect(leafKeys(CATALOGUE_TEXT[locale]).sort()).toEqual(english);
    for (const key of english) {
      const text = key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], CATALOGUE_TEXT[locale]);
      expect((text as string).trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it.each(LOCALES)('[R58] %s builds the five library exercises and the three blanks within the exercise schema', (locale) => {
    const library = libraryFor(locale);
    expect(library.map((e) => e.id)).toEqual(EXERCISE_LIBRARY.map((e) => e.id));
    for (const exercise of [...library, ...Object.values(blankExercises(locale))]) {
      expect(exerciseSchema.safeParse(exercise).success, `${locale} ${exercise.id}`).toBe(true);
    }
    // Same shape as English: ids, kinds, minutes and privacy do not depend on the language.
    const structural = new Set(['id', 'kind', 'from', 'to']);
    const shape = (e: (typeof library)[number]) => JSON.stringify(e, (k, v) => (typeof v === 'string' && !structural.has(k) ? '·' : v));
    expect(library.map(shape)).toEqual(EXERCISE_LIBRARY.map(shape));
  });

  it('[R58] puts a shipped library exercise into the workshop’s language and leaves a changed one alone', () => {
    const [bringNeed] = libraryFor(DEFAULT_LOCALE);
    for (const locale of LOCALES) {
      expect(inLocale({ ...bringNeed, minutes: 20 }, locale)).toEqual({ ...libraryFor(locale)[0], minutes: 20 });
      expect(inLocale(libraryFor(locale)[0], DEFAULT_LOCALE)).toEqual(bringNeed);
    }
    // As the server receives it: parsed by the exercise schema, its fields in the schema's order, not the library's.
    const { minutes, ...rest } = bringNeed;
    const received = exerciseSchema.parse(JSON.parse(JSON.stringify({ minutes, ...rest })));
    expect(Object.keys(received)).not.toEqual(Object.keys(bringNeed));
    for (const locale of LOCALES) expect(inLocale(received, locale), locale).not.toBe(received);
    const changed = { ...bringNeed, title: 'Our own words' };
    expect(inLocale(changed, 'de')).toBe(changed);
    const own = { ...bringNeed, id: 'my-abc12345' };
    expect(inLocale(own, 'fr')).toBe(own);
  });
});
