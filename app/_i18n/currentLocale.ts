import { getLocale, getTranslations } from 'next-intl/server';
import type { Messages } from 'next-intl';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../lib/i18n/locales';

/** The locale of the page being rendered, as one of LOCALES. */
export async function pageLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

type PageName = Exclude<keyof Messages['meta'], 'description' | 'pageTitle'>;

/** "Your board · Twofold": a page's document title in the page's language. */
export async function pageTitle(key: PageName): Promise<{ title: string }> {
  const t = await getTranslations('meta');
  return { title: t('pageTitle', { page: t(key) }) };
}
