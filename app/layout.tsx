import type { Metadata, Viewport } from 'next';
import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { localeDirection } from '../lib/i18n/locales';
import { Announcer } from './_components/Announcer';
import { OfflineShell } from './_components/OfflineShell';
import { pageLocale } from './_i18n/currentLocale';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meta');
  return { title: 'Twofold', description: t('description') };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  // The board scrolls the field being typed into above the keyboard.
  interactiveWidget: 'resizes-content',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbf8f4' },
    { media: '(prefers-color-scheme: dark)', color: '#1d1a17' },
  ],
};

/**
 * Every page renders per request: the server gives each one a fresh CSP nonce
 * (server/http/securityHeaders.ts), which Next.js can only put on the scripts of a
 * page it renders now, not of one built ahead of time. The same request carries the
 * page's language (server/http/pageLocale.ts), hence lang and dir here.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const locale = await pageLocale();
  return (
    <html lang={locale} dir={localeDirection(locale)}>
      <body className="min-h-dvh bg-paper font-sans text-ink antialiased">
        <Announcer>{children}</Announcer>
        <OfflineShell />
      </body>
    </html>
  );
}
