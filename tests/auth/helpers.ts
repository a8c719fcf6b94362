import { disconnectDb, db } from '@/lib/db';
import { createScratchDb, type ScratchDb } from '../fixtures/scratch-db';

/**
 * A seeded scratch database for one suite (acme + globex; alice OWNER acme, bob OWNER globex,
 * carol MEMBER of both) with lib/db pointed at it. lib/db connects lazily, so setting
 * DATABASE_URL before the first query is enough.
 */
export async function useSeededDb(): Promise<{ database: ScratchDb; close: () => Promise<void> }> {
  const database = await createScratchDb({ seed: true });
  const admin = process.env.DATABASE_URL;
  process.env.DATABASE_URL = database.url;
  return {
    database,
    close: async () => {
      await disconnectDb();
      process.env.DATABASE_URL = admin;
      await database.drop();
    },
  };
}

export async function userId(email: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return user.id;
}

export async function sessionUser(email: string) {
  return db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, image: true } });
}
