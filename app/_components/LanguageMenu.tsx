'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useTransition } from 'react';
import { isLocale, LOCALE_NAMES, LOCALES, localeDirection, type Locale, type LocaleScope } from '../../lib/i18n/locales';
import { hasLocaleCookie, readLocaleChoice, saveLocaleChoice, writeLocaleCookie } from '../_lib/storage';

/**
 * The language of this person's own screens, kept on this device (app/_lib/storage.ts). A native
 * <select>: every phone and screen reader knows it. Each language is named in its own words and
 * marked with its lang, so a person finds theirs whatever the page speaks. Changing it renders
 * the page again in that language, in place (what was typed stays). Exercise content stays in
 * the workshop's language.
 */
export function LanguageMenu({ scope, className = '' }: { scope: LocaleScope; className?: string }) {
  const t = useTranslations('common');
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const id = useId();

  // A choice kept in localStorage whose cookie has gone (cleared, expired): the server could not know it.
  useEffect(() => {
    const saved = readLocaleChoice(scope);
    if (saved && !hasLocaleCookie(scope)) {
      writeLocaleCookie(scope, saved);
      if (saved !== locale) startTransition(() => router.refresh());
    }
  }, [scope, locale, router]);

  function choose(value: string) {
    if (!isLocale(value)) return;
    saveLocaleChoice(scope, value);
    apply(value);
    startTransition(() => router.refresh());
  }

  return (
    <div className={`flex items-center gap-2 ${className}`}>
      <label htmlFor={id} className="text-sm text-muted">
        <GlobeIcon />
        <span className="sr-only">{t('language')}</span>
      </label>
      <select
        id={id}
        value={locale}
        onChange={(e) => choose(e.target.value)}
        aria-busy={pending || undefined}
        className="min-h-11 rounded-lg border border-muted bg-card ps-2 pe-8 text-base text-ink"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The page's own lang and dir at once, before the new render arrives. */
function apply(locale: Locale) {
  document.documentElement.lang = locale;
  document.documentElement.dir = localeDirection(locale);
}

function GlobeIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.4">
      <circle cx="8" cy="8" r="6.25" />
      <path d="M1.75 8h12.5M8 1.75c1.8 1.9 2.6 4 2.6 6.25S9.8 12.35 8 14.25C6.2 12.35 5.4 10.25 5.4 8S6.2 3.65 8 1.75Z" />
    </svg>
  );
}
