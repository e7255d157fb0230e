import createNextIntlPlugin from 'next-intl/plugin';

/** The request's language is chosen by the custom server (server/http/pageLocale.ts), read in app/_i18n/request.ts. */
const withNextIntl = createNextIntlPlugin('./app/_i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The custom server imports yjs too; one copy avoids "Yjs was already imported".
  serverExternalPackages: ['yjs'],
};

export default withNextIntl(nextConfig);
