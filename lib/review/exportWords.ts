import ar from '../../messages/ar.json';
import de from '../../messages/de.json';
import en from '../../messages/en.json';
import es from '../../messages/es.json';
import fr from '../../messages/fr.json';
import type { Locale } from '../i18n/locales';

/**
 * The fixed words of the take-home files (Markdown and PDF), in the workshop's language: the
 * "export" namespace of the UI's own catalogues (messages/<locale>.json), so a translator has
 * one file per language and the key-parity test covers these too. They hold only plain
 * {placeholders} (no plurals), filled in here without an ICU runtime on the server.
 */
type ExportMessages = (typeof en)['export'];
export type ExportKey = keyof ExportMessages;

const CATALOGUES: Record<Locale, { export: ExportMessages }> = { en, de, fr, es, ar };

export interface ExportWords {
  locale: Locale;
  say(key: ExportKey, values?: Record<string, string | number>): string;
  /** "2 April 2026" in the workshop's language (UTC: the file is the same wherever it is made). */
  date(ms: number): string;
  /** 0.87 → "87%" (or "٪٨٧"), as the language writes it. */
  percent(fraction: number): string;
}

export function exportWords(locale: Locale): ExportWords {
  const messages = CATALOGUES[locale].export;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    locale,
    say: (key, values = {}) => messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)),
    date: (ms) => date.format(ms),
    percent: (fraction) => percent.format(fraction),
  };
}
