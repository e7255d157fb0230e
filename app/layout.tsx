import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import { Announcer } from './_components/Announcer';
import { OfflineShell } from './_components/OfflineShell';
import './globals.css';

export const metadata: Metadata = {
  title: 'Twofold',
  description: 'Live workshop boards for couples',
};

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
 * page it renders now, not of one built ahead of time.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh bg-paper font-sans text-ink antialiased">
        <Announcer>{children}</Announcer>
        <OfflineShell />
      </body>
    </html>
  );
}
