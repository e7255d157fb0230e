import type { Locale } from '../../i18n/locales';
import type { CatalogueText } from './catalogueText';
import { ar } from './ar';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';

export type { CatalogueText } from './catalogueText';

/** The library's words in every locale (a Record over Locale: a locale without its text does not compile). */
export const CATALOGUE_TEXT: Record<Locale, CatalogueText> = { en, de, fr, es, ar };
