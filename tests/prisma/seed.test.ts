// `prisma db seed` (prisma.config.ts → tsx prisma/seed.ts) and the scratch-database fixture.
import { verify as argonVerify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDb, type ScratchDb } from '../fixtures/scratch-db';
import { adminQuery } from '../setup/global-db';
import { prismaCli } from './helpers';

const COUNTS = `SELECT (SELECT count(*) FROM "Tenant") AS tenants, (SELECT count(*) FROM "User") AS users,
  (SELECT count(*) FROM "Membership") AS memberships, (SELECT count(*) FROM "Item") AS items,
  (SELECT count(*) FROM "Document") AS documents`;

async function counts(url: string): Promise<Record<string, number>> {
  const { rows } = await adminQuery(url, COUNTS);
  return Object.fromEntries(Object.entries(rows[0] as Record<string, string>).map(([k, v]) => [k, Number(v)]));
}

describe('db seed', () => {
  let db: ScratchDb;
  beforeAll(async () => {
    db = await createScratchDb();
  });
  afterAll(() => db.drop());

  it('creates the two demo tenants, three users and their data', async () => {
    const r = prismaCli(['db', 'seed'], db.url);
    expect(r.status, r.output).toBe(0);
    expect(await counts(db.url)).toEqual({ tenants: 2, users: 3, memberships: 4, items: 6, documents: 2 });
    const { rows } = await adminQuery(
      db.url,
      `SELECT t.slug, t.name, t.settings, u.email, m.role FROM "Membership" m
       JOIN "Tenant" t ON t.id = m."tenantId" JOIN "User" u ON u.id = m."userId" ORDER BY t.slug, u.email`,
    );
    expect(rows.map((r) => `${r.slug}:${r.email}:${r.role}`)).toEqual([
      'acme:alice@acme.test:OWNER',
      'acme:carol@both.test:MEMBER',
      'globex:bob@globex.test:OWNER',
      'globex:carol@both.test:MEMBER',
    ]);
    expect(rows[0]?.name).toBe('Acme Corp');
    expect(rows[0]?.settings).toEqual({ theme: 'dark', premium: true, plan: 'pro' });
  });

  it('is idempotent: a second run leaves the same rows', async () => {
    const before = await adminQuery(db.url, 'SELECT id, "passwordHash" FROM "User" ORDER BY email');
    const r = prismaCli(['db', 'seed'], db.url);
    expect(r.status, r.output).toBe(0);
    expect(await counts(db.url)).toEqual({ tenants: 2, users: 3, memberships: 4, items: 6, documents: 2 });
    const after = await adminQuery(db.url, 'SELECT id, "passwordHash" FROM "User" ORDER BY email');
    expect(after.rows).toEqual(before.rows);
  });

  it('stores Argon2id hashes of "password", never the password', async () => {
    const { rows } = await adminQuery(db.url, 'SELECT "passwordHash" AS h FROM "User"');
    for (const { h } of rows as Array<{ h: string }>) {
      expect(h).not.toBe('password');
      expect(h.startsWith('$argon2id$')).toBe(true);
      expect(await argonVerify(h, 'password')).toBe(true);
      expect(await argonVerify(h, 'wrong')).toBe(false);
    }
  });
});

describe('createScratchDb', () => {
  const dbs: ScratchDb[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('gives each caller its own migrated database', async () => {
    const [a, b] = await Promise.all([createScratchDb(), createScratchDb()]);
    dbs.push(a, b);
    expect(a.name).not.toBe(b.name);
    await adminQuery(a.url, `INSERT INTO "Tenant" (id, slug, name, "updatedAt") VALUES ('x', 'only-a', 'A', now())`);
    expect((await counts(a.url)).tenants).toBe(1);
    expect((await counts(b.url)).tenants).toBe(0);
  });

  it('seeds on request and returns the ids', async () => {
    const db = await createScratchDb({ seed: true });
    dbs.push(db);
    expect(Object.keys(db.seeded?.tenants ?? {})).toEqual(['acme', 'globex']);
    expect((await counts(db.url)).items).toBe(6);
  });

  it('drop() removes the database', async () => {
    const db = await createScratchDb();
    await db.drop();
    const { rowCount } = await adminQuery(
      process.env.DATABASE_URL as string,
      'SELECT 1 FROM pg_database WHERE datname = $1',
      [db.name],
    );
    expect(rowCount).toBe(0);
  });
});
