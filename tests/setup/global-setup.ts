// Vitest global setup: each concern registers its own setup here (database, Redis, ...).
import { setupTestDatabase } from './global-db';
import { setupTestRedis } from './global-redis';

export default async function setup(): Promise<() => Promise<void>> {
  const teardownRedis = await setupTestRedis();
  const teardownDatabase = await setupTestDatabase().catch(async (error: unknown) => {
    await teardownRedis();
    throw error;
  });
  return async () => {
    await teardownDatabase();
    await teardownRedis();
  };
}
