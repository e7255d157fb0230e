import { describe, expect, it } from 'vitest';
import { acceptedLanguages, DEFAULT_LOCALE, isLocale, localeDirection, LOCALES, matchLocale, resolvePageLocale } from '../../lib/i18n/locales';

describe('[R58] which language a page speaks', () => {
  it('knows five languages, Arabic right to left, English by default', () => {
    expect(LOCALES).toEqual(['en', 'de', 'fr', 'es', 'ar']);
    expect(LOCALES.filter((l) => localeDirection(l) === 'rtl')).toEqual(['ar']);
    expect(DEFAULT_LOCALE).toBe('en');
    expect(isLocale('de')).toBe(true);
    for (const other of ['DE', 'de-DE', 'he', '', null, 1]) expect(isLocale(other)).toBe(false);
  });

  it('reads a browser’s languages by preference and matches them by their primary subtag', () => {
    expect(acceptedLanguages('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).toEqual(['fr-CH', 'fr', 'en', 'de']);
    expect(acceptedLanguages('en;q=0.2, ar-EG')).toEqual(['ar-EG', 'en']);
    expect(acceptedLanguages('de;q=0, es')).toEqual(['es']);
    expect(acceptedLanguages(undefined)).toEqual([]);
    expect(matchLocale(['pt-BR', 'es-MX', 'en'])).toBe('es');
    expect(matchLocale(['ja', 'zh'])).toBeNull();
  });

  it('on the room’s pages: the person’s choice, else the workshop’s language, else the browser’s', () => {
    const room = { scope: 'room' as const, acceptLanguage: 'de-DE,de;q=0.9' };
    expect(resolvePageLocale({ ...room, chosen: 'fr', workshop: 'ar' })).toBe('fr');
    expect(resolvePageLocale({ ...room, chosen: null, workshop: 'ar' })).toBe('ar');
    expect(resolvePageLocale({ ...room, chosen: 'klingon', workshop: 'ar' })).toBe('ar');
    expect(resolvePageLocale({ ...room, chosen: undefined, workshop: null })).toBe('de');
    expect(resolvePageLocale({ ...room, acceptLanguage: 'ja', chosen: null, workshop: null })).toBe('en');
  });

  it('on the facilitator’s pages: their choice, else their browser’s language, never the workshop’s', () => {
    const host = { scope: 'host' as const, workshop: 'ar' as const };
    expect(resolvePageLocale({ ...host, chosen: 'es', acceptLanguage: 'de' })).toBe('es');
    expect(resolvePageLocale({ ...host, chosen: null, acceptLanguage: 'de' })).toBe('de');
    expect(resolvePageLocale({ ...host, chosen: null, acceptLanguage: null })).toBe('en');
  });
});
