import type { Locale } from '../../lib/i18n/locales';
import type en from '../../messages/en.json';

/** Message keys and locales checked by the compiler: a typo in t('…') fails the type check. */
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
