import { afterAll, beforeAll } from 'vitest';
import { disconnectDb, withoutTenant } from '@/lib/db';
import { createScratchDb, type ScratchDb } from '../fixtures/scratch-db';

/**
 * One seeded scratch database per suite (acme/globex, alice OWNER acme, bob OWNER globex, carol
 * MEMBER of both), wired into `lib/db` through DATABASE_URL before its first use.
 */
export function seededDbForSuite(): () => ScratchDb {
  let database: ScratchDb | undefined;
  let admin: string | undefined;
  beforeAll(async () => {
    database = await createScratchDb({ seed: true });
    admin = process.env.DATABASE_URL;
    process.env.DATABASE_URL = database.url;
  });
  afterAll(async () => {
    await disconnectDb();
    process.env.DATABASE_URL = admin;
    await database?.drop();
  });
  return () => {
    if (!database) throw new Error('the suite database exists only between beforeAll and afterAll');
    return database;
  };
}

export async function userId(email: string): Promise<string> {
  const user = await withoutTenant((c) => c.user.findUniqueOrThrow({ where: { email }, select: { id: true } }));
  return user.id;
}

export async function tenantId(slug: string): Promise<string> {
  const tenant = await withoutTenant((c) => c.tenant.findUniqueOrThrow({ where: { slug }, select: { id: true } }));
  return tenant.id;
}

let counter = 0;

/** A fresh user with a unique, verified email (no memberships). */
export async function makeUser(prefix = 'user'): Promise<{ id: string; email: string }> {
  counter += 1;
  const email = `${prefix}-${Date.now().toString(36)}-${counter}@example.test`;
  return withoutTenant((c) =>
    c.user.create({ data: { email, name: prefix, emailVerified: new Date() }, select: { id: true, email: true } }),
  );
}

/** Adds `user` to `tenant` with `role` (test setup only). */
export async function addMember(tenant: string, user: string, role: 'OWNER' | 'ADMIN' | 'MEMBER'): Promise<void> {
  await withoutTenant((c) =>
    c.membership.create({ data: { tenantId: tenant, userId: user, role }, select: { id: true } }),
  );
}

export async function roleOf(tenant: string, user: string): Promise<string | null> {
  const row = await withoutTenant((c) =>
    c.membership.findFirst({ where: { tenantId: tenant, userId: user }, select: { role: true } }),
  );
  return row?.role ?? null;
}
