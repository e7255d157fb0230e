'use client';

import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';
import { useState, type ReactNode } from 'react';
import type { Locale } from '../../lib/i18n/locales';

/**
 * The client side of next-intl for one page: its locale, the message namespaces it uses, and the
 * reader's own time zone (times on a page are the reader's, not the server's). Dates are only
 * formatted once data has arrived in the browser, so the server render's 'UTC' never shows.
 */
export function IntlClient({ locale, messages, children }: { locale: Locale; messages: AbstractIntlMessages; children: ReactNode }) {
  const [timeZone] = useState(() => (typeof window === 'undefined' ? 'UTC' : Intl.DateTimeFormat().resolvedOptions().timeZone));
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone={timeZone}>
      {children}
    </NextIntlClientProvider>
  );
}
