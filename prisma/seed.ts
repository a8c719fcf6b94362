// Development seed: two tenants, three users, a few items and a document each.
// Idempotent (upserts keyed by slug, email, and the unique pairs): running it twice changes nothing.
// Outside checks rely on exactly this data; tests reuse `seed()` through tests/fixtures/scratch-db.ts.
// Runs as the database owner (RLS does not apply to it): `npm run db:seed` or `prisma db seed`.
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { Prisma, PrismaClient, Role } from '@/lib/db/generated/client';
import { env } from '@/lib/env';

type TenantSeed = { slug: string; name: string; settings: Prisma.InputJsonObject; items: string[]; document: string };
type UserSeed = { email: string; name: string; memberships: Array<{ tenant: string; role: Role }> };

export const SEED_PASSWORD = 'password';

export const SEED_TENANTS: TenantSeed[] = [
  {
    slug: 'acme',
    name: 'Acme Corp',
    settings: { theme: 'dark', premium: true, plan: 'pro' },
    items: ['Acme Anvil', 'Acme Rocket', 'Acme Magnet'],
    document: 'Acme Launch Plan',
  },
  {
    slug: 'globex',
    name: 'Globex',
    settings: { theme: 'light', plan: 'free' },
    items: ['Globex Hammock', 'Globex Laser', 'Globex Doomsday Device'],
    document: 'Globex Master Plan',
  },
];

export const SEED_USERS: UserSeed[] = [
  { email: 'alice@acme.test', name: 'Alice', memberships: [{ tenant: 'acme', role: 'OWNER' }] },
  { email: 'bob@globex.test', name: 'Bob', memberships: [{ tenant: 'globex', role: 'OWNER' }] },
  {
    email: 'carol@both.test',
    name: 'Carol',
    memberships: [
      { tenant: 'acme', role: 'MEMBER' },
      { tenant: 'globex', role: 'MEMBER' },
    ],
  },
];

export type SeedResult = { tenants: Record<string, string>; users: Record<string, string> };

function idOf(ids: Record<string, string>, key: string): string {
  const id = ids[key];
  if (!id) throw new Error(`seed: unknown tenant ${key}`);
  return id;
}

/** Seeds (or re-seeds) the demo data; returns the ids by slug and by email. */
export async function seed(prisma: PrismaClient): Promise<SeedResult> {
  const tenants: Record<string, string> = {};
  for (const t of SEED_TENANTS) {
    const row = await prisma.tenant.upsert({
      where: { slug: t.slug },
      update: { name: t.name, settings: t.settings },
      create: { slug: t.slug, name: t.name, settings: t.settings },
    });
    tenants[t.slug] = row.id;
  }

  const users: Record<string, string> = {};
  // The same Argon2id parameters as lib/auth/password.ts (which is server-only, so not imported here).
  const passwordHash = await argonHash(SEED_PASSWORD, { memoryCost: 19_456, timeCost: 2 });
  for (const u of SEED_USERS) {
    const existing = await prisma.user.findUnique({
      where: { email: u.email },
      select: { id: true, passwordHash: true },
    });
    // Keep an existing hash that still matches, so re-seeding does not churn the row.
    const keepHash =
      existing?.passwordHash && (await argonVerify(existing.passwordHash, SEED_PASSWORD).catch(() => false));
    const row = await prisma.user.upsert({
      where: { email: u.email },
      update: { name: u.name, emailVerified: new Date(), ...(keepHash ? {} : { passwordHash }) },
      create: { email: u.email, name: u.name, passwordHash, emailVerified: new Date() },
    });
    users[u.email] = row.id;
    for (const m of u.memberships) {
      const tenantId = idOf(tenants, m.tenant);
      await prisma.membership.upsert({
        where: { tenantId_userId: { tenantId, userId: row.id } },
        update: { role: m.role },
        create: { tenantId, userId: row.id, role: m.role },
      });
    }
  }

  for (const t of SEED_TENANTS) {
    const tenantId = idOf(tenants, t.slug);
    for (const name of t.items) {
      await prisma.item.upsert({
        where: { tenantId_name: { tenantId, name } },
        update: {},
        create: { tenantId, name },
      });
    }
    // Document has no unique key besides its id: look it up by (tenant, title).
    const doc = await prisma.document.findFirst({ where: { tenantId, title: t.document }, select: { id: true } });
    if (!doc)
      await prisma.document.create({ data: { tenantId, title: t.document, body: `${t.name}'s shared document.` } });
  }

  return { tenants, users };
}

async function main(): Promise<void> {
  const url = env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run `npm run dev` once, or point DATABASE_URL at a database.');
  const { createPrismaClient } = await import('@/lib/db/prisma');
  const prisma = createPrismaClient(url, 2);
  try {
    const { tenants, users } = await seed(prisma);
    console.log(`Seeded ${Object.keys(tenants).length} tenants and ${Object.keys(users).length} users.`);
  } finally {
    await prisma.$disconnect();
  }
}

// Run only as a script (tsx prisma/seed.ts), not when a test imports `seed`.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
