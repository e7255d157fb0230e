/**
 * The languages Twofold speaks, in one place: the UI's message catalogues (messages/<locale>.json),
 * the exercise library (lib/catalogue/text/<locale>.ts), the exports and a workshop's `locale` all
 * take exactly these. To add one: append it here, add its messages file and catalogue text (the
 * unit tests list what is missing), and its fixed export words (lib/review/exportWords.ts).
 */
export const LOCALES = ['en', 'de', 'fr', 'es', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

/** For a workshop created without one, and for anyone whose browser asks for none of LOCALES. */
export const DEFAULT_LOCALE: Locale = 'en';

const RIGHT_TO_LEFT: ReadonlySet<Locale> = new Set<Locale>(['ar']);

/** Each language in its own words, for the language menus (a person looks for their own). */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export const localeDirection = (locale: Locale): 'ltr' | 'rtl' => (RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr');

/** The first of a browser's preferred languages ("de-CH", "fr") that Twofold speaks, by its primary subtag. */
export function matchLocale(preferred: readonly string[]): Locale | null {
  for (const tag of preferred) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isLocale(primary)) return primary;
  }
  return null;
}

/** An Accept-Language header's languages, most wanted first ("de-CH,de;q=0.9,en;q=0.8"). */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((x) => x.tag && x.tag !== '*' && x.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((x) => x.tag);
}

/**
 * Whose choice a page follows. 'host': the facilitator's screens (console, create form, summary)
 * follow the facilitator. 'room': phones, the join pages, the review page and the projector
 * follow the workshop's language unless the person chose their own on this device.
 */
export type LocaleScope = 'host' | 'room';

/** The cookie that carries a person's own choice for a scope to the server render (also kept in localStorage). */
export const localeCookieName = (scope: LocaleScope) => `twofold-locale-${scope}`;

/** Set by the server on every page request: the locale the page renders in (see resolvePageLocale). */
export const PAGE_LOCALE_HEADER = 'x-twofold-locale';

export interface PageLocaleInputs {
  scope: LocaleScope;
  /** The person's own choice for this scope, from its cookie (anything, checked here). */
  chosen: string | null | undefined;
  /** The workshop the page belongs to, if any. */
  workshop: Locale | null;
  acceptLanguage: string | null | undefined;
}

/** A person's choice first, then (on the room's pages) the workshop's language, then the browser's, then English. */
export function resolvePageLocale({ scope, chosen, workshop, acceptLanguage }: PageLocaleInputs): Locale {
  if (isLocale(chosen)) return chosen;
  if (scope === 'room' && workshop) return workshop;
  return matchLocale(acceptedLanguages(acceptLanguage)) ?? DEFAULT_LOCALE;
}
