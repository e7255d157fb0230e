/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The custom server imports yjs too; one copy avoids "Yjs was already imported".
  serverExternalPackages: ['yjs'],
};

export default nextConfig;
