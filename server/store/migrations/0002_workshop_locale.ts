import type { Migration } from './index';

/**
 * 2: a workshop has a language (lib/i18n/locales.ts), chosen when it is created. Workshops made
 * before it were English, so they read as 'en'.
 */
export const workshopLocale: Migration = {
  version: 2,
  name: 'workshop_locale',
  sqlite: "ALTER TABLE workshops ADD COLUMN locale TEXT NOT NULL DEFAULT 'en'",
  postgres: "ALTER TABLE workshops ADD COLUMN IF NOT EXISTS locale TEXT NOT NULL DEFAULT 'en'",
};
