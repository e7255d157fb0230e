'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '../../../lib/i18n/locales';

/**
 * The workshop's language: what phones, the projector and the exports speak, and the language
 * the library exercises are given in. It starts as the facilitator's own (their browser's, or
 * their menu choice); each person can still switch their own screens.
 */
export function WorkshopLanguage({ value, onChange }: { value: Locale; onChange: (locale: Locale) => void }) {
  const t = useTranslations('hostNew.language');
  const id = useId();
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="text-base font-semibold">
        {t('label')}
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {t('hint')}
      </p>
      <select
        id={id}
        aria-describedby={`${id}-hint`}
        value={value}
        onChange={(e) => isLocale(e.target.value) && onChange(e.target.value)}
        className="min-h-12 w-full rounded-xl border border-muted bg-card px-3 text-lg text-ink"
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
