import { headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { acceptedLanguages, DEFAULT_LOCALE, isLocale, matchLocale, PAGE_LOCALE_HEADER } from '../../lib/i18n/locales';

/**
 * The page's language: chosen per request by the custom server (server/http/pageLocale.ts: the
 * person's choice, the workshop's language, the browser's) and handed over in a request header,
 * so addresses carry no locale prefix. Without that header (a bare `next dev`) the browser's
 * languages decide.
 */
export default getRequestConfig(async () => {
  const list = await headers();
  const given = list.get(PAGE_LOCALE_HEADER);
  const locale = isLocale(given) ? given : (matchLocale(acceptedLanguages(list.get('accept-language'))) ?? DEFAULT_LOCALE);
  return { locale, messages: (await import(`../../messages/${locale}.json`)).default };
});
