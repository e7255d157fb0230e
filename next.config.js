import createNextIntlPlugin from 'next-intl/plugin';

/**
 * The request's language is chosen by the custom server (server/http/pageLocale.ts), read in
 * app/_i18n/request.ts. Messages are compiled at build time, so pages ship a small formatter
 * instead of an ICU parser.
 */
const withNextIntl = createNextIntlPlugin({
  requestConfig: './app/_i18n/request.ts',
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The custom server imports yjs too; one copy avoids "Yjs was already imported".
  serverExternalPackages: ['yjs'],
};

export default withNextIntl(nextConfig);
