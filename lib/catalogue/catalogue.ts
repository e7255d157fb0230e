import { DEFAULT_LOCALE, LOCALES, type Locale } from '../i18n/locales';
import type { Exercise } from './exercise';
import { CATALOGUE_TEXT, type CatalogueText } from './text';

/**
 * The library Twofold ships. One idea runs through it: a partnership is interdependent — each
 * partner supports (which takes independence) and is supported (which takes a willingness to
 * depend), and each brings qualities, talents and skills that complement the other's.
 *
 * The structure (ids, kinds, minutes, privacy) is here, once; the words come from one locale's
 * text table (text/<locale>.ts), so a workshop gets the library in its own language.
 */
function library(t: CatalogueText): Exercise[] {
  const { bringNeed, spectrum, support, learning, value } = t;
  return [
    {
      id: 'bring-need',
      kind: 'columns',
      title: bringNeed.title,
      facilitatorNote: bringNeed.facilitatorNote,
      prompt: bringNeed.prompt,
      privateFirst: false,
      minutes: 12,
      columns: [
        { id: 'bring', label: bringNeed.columns.bring },
        { id: 'need', label: bringNeed.columns.need },
      ],
      link: { from: 'need', to: 'bring' },
    },
    {
      id: 'spectrum',
      kind: 'spectrum',
      title: spectrum.title,
      facilitatorNote: spectrum.facilitatorNote,
      prompt: spectrum.prompt,
      privateFirst: true,
      minutes: 8,
      areas: (['money', 'home', 'feelings', 'friends', 'work', 'family'] as const).map((id) => ({ id, label: spectrum.areas[id] })),
      stops: [spectrum.stops.independence, spectrum.stops.dependence, spectrum.stops.codependence, spectrum.stops.interdependence],
    },
    {
      id: 'support',
      kind: 'prompts',
      title: support.title,
      facilitatorNote: support.facilitatorNote,
      prompt: support.prompt,
      privateFirst: true,
      minutes: 10,
      questions: [
        { id: 'feel-supported', label: support.questions.feelSupported },
        { id: 'hard-to-ask', label: support.questions.hardToAsk },
        { id: 'support-you', label: support.questions.supportYou },
      ],
    },
    {
      id: 'learning',
      kind: 'prompts',
      title: learning.title,
      facilitatorNote: learning.facilitatorNote,
      prompt: learning.prompt,
      privateFirst: true,
      minutes: 15,
      questions: [
        { id: 'happened', label: learning.questions.happened },
        { id: 'felt', label: learning.questions.felt },
        { id: 'learned', label: learning.questions.learned },
        { id: 'next-time', label: learning.questions.nextTime },
        { id: 'repair', label: learning.questions.repair },
      ],
    },
    {
      id: 'value',
      kind: 'columns',
      title: value.title,
      facilitatorNote: value.facilitatorNote,
      prompt: value.prompt,
      privateFirst: false,
      minutes: 8,
      columns: [
        { id: 'qualities', label: value.columns.qualities },
        { id: 'talents', label: value.columns.talents },
        { id: 'expertise', label: value.columns.expertise },
      ],
      link: null,
    },
  ];
}

const LIBRARIES = Object.fromEntries(LOCALES.map((l) => [l, Object.freeze(library(CATALOGUE_TEXT[l]))])) as Record<Locale, readonly Exercise[]>;

/** The five library exercises in `locale`. */
export const libraryFor = (locale: Locale): readonly Exercise[] => LIBRARIES[locale];

/** The library in the default language (English). */
export const EXERCISE_LIBRARY: readonly Exercise[] = libraryFor(DEFAULT_LOCALE);

/** The English library exercises by name, for tests and tools. */
export const [BRING_NEED, SPECTRUM, SUPPORT] = EXERCISE_LIBRARY as [Exercise, Exercise, Exercise, Exercise, Exercise];

export const LIBRARY_IDS: ReadonlySet<string> = new Set(EXERCISE_LIBRARY.map((e) => e.id));

/** JSON with every object's keys sorted: the same exercise compares equal whatever order its fields arrived in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v,
  );

/** Everything but the minutes, which a facilitator may change without making the exercise their own. */
const unchangedText = (a: Exercise, b: Exercise) => canonical({ ...a, minutes: 0 }) === canonical({ ...b, minutes: 0 });

/**
 * A library exercise as shipped (in any locale's words) becomes the same exercise in `locale`,
 * keeping its minutes; anything else (a facilitator's own, or a library one they changed) stays
 * as it is. So a workshop created in German gets the library in German, whichever words the
 * client sent.
 */
export function inLocale(exercise: Exercise, locale: Locale): Exercise {
  if (!LIBRARY_IDS.has(exercise.id)) return exercise;
  const shipped = LOCALES.some((l) => {
    const same = LIBRARIES[l].find((e) => e.id === exercise.id);
    return same !== undefined && unchangedText(same, exercise);
  });
  if (!shipped) return exercise;
  const target = LIBRARIES[locale].find((e) => e.id === exercise.id)!;
  return { ...target, minutes: exercise.minutes };
}

/** Starting points for a facilitator's own exercise, one per kind, in `locale`. */
export function blankExercises(locale: Locale): Record<Exercise['kind'], Exercise> {
  const b = CATALOGUE_TEXT[locale].blanks;
  return {
    columns: {
      id: 'custom-columns',
      kind: 'columns',
      title: b.columns.title,
      facilitatorNote: '',
      prompt: b.columns.prompt,
      privateFirst: false,
      minutes: 10,
      columns: [{ id: 'col-1', label: b.columns.column }],
      link: null,
    },
    spectrum: {
      id: 'custom-spectrum',
      kind: 'spectrum',
      title: b.spectrum.title,
      facilitatorNote: '',
      prompt: b.spectrum.prompt,
      privateFirst: true,
      minutes: 8,
      areas: [{ id: 'area-1', label: b.spectrum.area }],
      stops: [b.spectrum.stopStart, b.spectrum.stopEnd],
    },
    prompts: {
      id: 'custom-prompts',
      kind: 'prompts',
      title: b.prompts.title,
      facilitatorNote: '',
      prompt: b.prompts.prompt,
      privateFirst: true,
      minutes: 10,
      questions: [{ id: 'q-1', label: b.prompts.question }],
    },
  };
}

/** The English blanks. */
export const BLANK_EXERCISES = blankExercises(DEFAULT_LOCALE);
