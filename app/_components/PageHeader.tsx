import type { LocaleScope } from '../../lib/i18n/locales';
import { LanguageMenu } from './LanguageMenu';
import { Wordmark } from './Wordmark';

/** The top of a page: the way home, and this person's language menu at the other end. */
export function PageHeader({ scope }: { scope: LocaleScope }) {
  return (
    <header className="flex flex-wrap items-center justify-between gap-3">
      <Wordmark />
      <LanguageMenu scope={scope} />
    </header>
  );
}
