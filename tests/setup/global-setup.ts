// Vitest global setup: each concern registers its own setup here (database, next server, ...).
import { setupTestDatabase } from './global-db';

export default async function setup(): Promise<() => Promise<void>> {
  const teardownDatabase = await setupTestDatabase();
  return async () => {
    await teardownDatabase();
  };
}
