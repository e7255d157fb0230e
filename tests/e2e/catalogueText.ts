import { createTranslator } from 'next-intl';
import type { Locale } from '../../lib/i18n/locales';
import ar from '../../messages/ar.json' with { type: 'json' };
import de from '../../messages/de.json' with { type: 'json' };
import en from '../../messages/en.json' with { type: 'json' };
import es from '../../messages/es.json' with { type: 'json' };
import fr from '../../messages/fr.json' with { type: 'json' };

/**
 * A locale's words as its catalogue (messages/<locale>.json) spells them, formatted by next-intl
 * as the app formats them (ICU plurals, selects, `{name}` values), so the e2e specs can find
 * every control by its name in that language: a missing or English string on the way fails them.
 */
const CATALOGUES: Record<Locale, typeof en> = { en, de, fr, es, ar };

type Values = Record<string, string | number>;

/** Rich-text tags the catalogues use; each keeps its words (a tag the list lacks fails loudly). */
const TAGS = ['bdi', 'code', 'figure', 'hidden', 'mono', 'quiet', 'strong'] as const;

/** Marks where a rich-text tag began or ended: the browser may put a space there in an accessible name. */
const BOUNDARY = '\u0000';

export interface CatalogueText {
  /** The message at `path` ("board.ready.imReady") with `values` filled and rich-text tags dropped (their words stay). */
  (path: string, values?: Values): string;
  /**
   * The accessible name of the message at `path`: exact, except that where a rich-text tag begins
   * or ends (a visually hidden part, a `<bdi>`) the browser may add or drop a space.
   */
  accessibleName(path: string, values?: Values): RegExp;
  /** Names that begin with the message at `path` ("5 min" for "5 min (suggested)", not "15 min"). */
  namesStartingWith(path: string, values?: Values): RegExp;
}

const escapeRegExp = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

export function catalogueText(locale: Locale): CatalogueText {
  const translator = createTranslator({
    locale,
    messages: CATALOGUES[locale],
    onError: (error) => {
      throw error;
    },
  });
  // Keys are plain strings here: the specs name them as they read, the formatter checks they exist.
  const markup = translator.markup as unknown as (path: string, values: Record<string, string | number | ((chunks: string) => string)>) => string;
  const format = (path: string, values: Values, wrap: (chunks: string) => string) => markup(path, { ...values, ...Object.fromEntries(TAGS.map((tag) => [tag, wrap])) });

  const text = ((path: string, values: Values = {}) => format(path, values, (chunks) => chunks).trim()) as CatalogueText;
  text.accessibleName = (path, values = {}) => {
    const parts = format(path, values, (chunks) => `${BOUNDARY}${chunks}${BOUNDARY}`).split(BOUNDARY);
    return new RegExp(`^\\s*${parts.map(escapeRegExp).join('\\s*')}\\s*$`);
  };
  text.namesStartingWith = (path, values = {}) => new RegExp(`^\\s*${escapeRegExp(text(path, values))}`);
  return text;
}
