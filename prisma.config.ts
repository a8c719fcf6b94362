import { defineConfig } from 'prisma/config';

// `env('DATABASE_URL')` would make `prisma generate` fail on a fresh install with no env set.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
