'use client';

import type { AbstractIntlMessages } from 'next-intl';
import type { ReactNode } from 'react';
import type { PublicWorkshopState } from '../../../lib/protocol';
import type { Locale } from '../../../lib/i18n/locales';
import { IntlClient } from '../../_i18n/IntlClient';
import { BoardScreen } from './BoardScreen';

interface BoardClientProps {
  locale: Locale;
  messages: AbstractIntlMessages;
  code: string;
  initial: PublicWorkshopState | null;
  languageMenu: ReactNode;
}

/**
 * The board page's one client component: its words' provider and the board in one. Two client
 * components named by the page (IntlClient through PageMessages, and BoardScreen) were two chunk
 * groups, and the bundler put next-intl into both. The language menu comes from the page for the
 * same reason: every page carries the root not-found boundary, whose header has the menu; a page
 * that names the menu itself serves the boundary's from its own chunks, else the boundary's own
 * chunk loads too, with a second copy of next-intl (5 KB gzip).
 */
export function BoardClient({ locale, messages, code, initial, languageMenu }: BoardClientProps) {
  return (
    <IntlClient locale={locale} messages={messages}>
      <BoardScreen code={code} initial={initial} languageMenu={languageMenu} />
    </IntlClient>
  );
}
