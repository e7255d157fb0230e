'use client';

import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';
import { useState, type ReactNode } from 'react';
import type { Locale } from '../../lib/i18n/locales';

interface IntlClientProps {
  locale: Locale;
  messages: AbstractIntlMessages;
  /**
   * The page formats dates or times (the review, the summary): hand next-intl the reader's own
   * time zone. Reading it builds the page's first Intl.DateTimeFormat, which loads the time-zone
   * data: about 15 ms of the first render on a laptop, 60 ms on a slow phone. Pages without a date
   * skip it (a date added there later still comes out in the reader's zone, the browser's default,
   * with a next-intl warning in the console).
   */
  times?: boolean;
  children: ReactNode;
}

/**
 * The client side of next-intl for one page: its locale, the message namespaces it uses, and, where
 * it shows times, the reader's own time zone (times on a page are the reader's, not the server's).
 * Dates are only formatted once data has arrived in the browser, so the server render's 'UTC'
 * never shows.
 */
export function IntlClient({ locale, messages, times = false, children }: IntlClientProps) {
  const [timeZone] = useState(() => (typeof window === 'undefined' ? 'UTC' : times ? Intl.DateTimeFormat().resolvedOptions().timeZone : undefined));
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone={timeZone}>
      {children}
    </NextIntlClientProvider>
  );
}
