// postinstall (our own; npm 11 skips dependencies' install scripts):
//   1. re-create the embedded PostgreSQL binaries' library symlinks (their postinstall did not run);
//   2. generate the Prisma client into lib/db/generated, offline (scripts/prisma.mjs).
// When Prisma itself is not installed (e.g. `npx /path/to/checkout my-app` links the checkout to
// run the create-tenantry CLI before any install), there is nothing to generate: say so, exit 0.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  require.resolve('prisma/package.json');
} catch {
  console.log('postinstall: prisma is not installed here; skipping client generation.');
  process.exit(0);
}

const { hydrateEmbeddedPostgres } = await import('./embedded-db.mjs');
const { runPrisma } = await import('./prisma.mjs');
await hydrateEmbeddedPostgres().catch((error) => console.warn(`embedded PostgreSQL links: ${error.message}`));
const r = runPrisma(['generate']);
process.exit(r.status ?? 1);
