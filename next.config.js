// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 (and its Node 22+ build, better-sqlite3-13) and argon2 are native modules: load them from node_modules, never bundle them.
  serverExternalPackages: ['better-sqlite3', 'better-sqlite3-13', '@node-rs/argon2', 'pino', 'rate-limiter-flexible'],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc) before it builds for the browser tests, and says
  // so with CARENAV_TYPECHECKED=1: the build need not check the same code again. `npm run build`
  // and `npm run demo` still check it.
  typescript: { ignoreBuildErrors: process.env.CARENAV_TYPECHECKED === '1' },
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
