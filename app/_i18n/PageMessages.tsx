import type { AbstractIntlMessages } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Locale } from '../../lib/i18n/locales';
import type en from '../../messages/en.json';
import { IntlClient } from './IntlClient';
import { pageLocale } from './currentLocale';

export type Namespace = keyof typeof en;

/** What every page's client components may use: shared words and the API's error messages. */
const ALWAYS: Namespace[] = ['common', 'errors'];

/**
 * Hands a page's client components the messages of the namespaces it names (plus common and
 * errors), not the whole catalogue: a phone downloads the board's words, not the console's.
 */
export async function PageMessages({ namespaces, children }: { namespaces: Namespace[]; children: ReactNode }) {
  const { locale, messages } = await pickMessages(namespaces);
  return (
    <IntlClient locale={locale} messages={messages}>
      {children}
    </IntlClient>
  );
}

/** The same pick, for a page whose one client component wraps itself in IntlClient (see app/w/[code]/BoardClient.tsx). */
export async function pickMessages(namespaces: Namespace[]): Promise<{ locale: Locale; messages: AbstractIntlMessages }> {
  const [locale, all] = await Promise.all([pageLocale(), getMessages()]);
  const messages: AbstractIntlMessages = {};
  for (const name of new Set([...ALWAYS, ...namespaces])) messages[name] = all[name] as AbstractIntlMessages;
  return { locale, messages };
}
