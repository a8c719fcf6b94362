// The public face of lib/db, configured from the environment like the app: db + withTenant,
// forTenant, withoutTenant, scoped() helpers, with RLS on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  db,
  disconnectDb,
  forTenant,
  scoped,
  TenantObjectNotFoundError,
  TenantScopeError,
  withoutTenant,
  withTenant,
} from '@/lib/db';
import { createTenantDb } from '@/lib/db/clients';
import { createIsolationDb, type Seeded, seedTwoTenants } from './isolation-db';

let database: Awaited<ReturnType<typeof createIsolationDb>>;
let seeded: Seeded;
const saved = { ...process.env };
beforeAll(async () => {
  database = await createIsolationDb();
  const setup = createTenantDb({ url: database.url, appUrl: database.appUrl, rls: false });
  seeded = await seedTwoTenants(setup.admin, setup.graph);
  await setup.disconnect();
  await disconnectDb();
  process.env.DATABASE_URL = database.url;
  process.env.DATABASE_APP_URL = '';
  process.env.DB_RLS = 'on';
});
afterAll(async () => {
  await disconnectDb();
  process.env = saved;
  await database?.drop();
});

describe('lib/db public API', () => {
  it('scopes db to the tenant of the surrounding withTenant (a string id or a TenantInfo-like object)', async () => {
    const a = await withTenant(seeded.a, () => db.item.findMany());
    const b = await withTenant({ id: seeded.b }, () => db.item.findMany());
    expect(a.every((i) => i.tenantId === seeded.a) && a.length > 0).toBe(true);
    expect(b.every((i) => i.tenantId === seeded.b) && b.length > 0).toBe(true);
  });
  it('fails closed outside withTenant', async () => {
    await expect(db.item.findMany()).rejects.toThrow(TenantScopeError);
  });
  it('forTenant gives an explicitly scoped client', async () => {
    expect(await forTenant({ id: seeded.a }).item.count({ where: { tenantId: seeded.b } })).toBe(0);
  });
  it('withoutTenant hands over the unscoped owner client and clears the tenant for db', async () => {
    const all = await withTenant(seeded.a, () =>
      withoutTenant(async (admin) => {
        await expect(db.item.findMany()).rejects.toThrow(TenantScopeError);
        return admin.item.count({ where: { tenantId: { in: [seeded.a, seeded.b] } } });
      }),
    );
    expect(all).toBe((seeded.aRows.Item?.length ?? 0) + (seeded.bRows.Item?.length ?? 0));
  });
  it('getTenantQueryset returns the tenant rows, and nothing without a tenant', async () => {
    const rows = await scoped(seeded.a).getTenantQueryset('Document');
    expect(rows.length).toBe(seeded.aRows.Document?.length);
    expect(await scoped(null).getTenantQueryset('Document')).toEqual([]);
  });
  it('createForTenant overrides any tenantId passed in', async () => {
    const doc = await scoped({ id: seeded.a }).createForTenant('Document', { title: 'mine', tenantId: seeded.b });
    expect(doc.tenantId).toBe(seeded.a);
    await expect(scoped(undefined).createForTenant('Document', { title: 'x' })).rejects.toThrow(TenantScopeError);
  });
  it('getTenantObject throws not-found for another tenant id', async () => {
    const own = seeded.aRows.Document?.[0] as string;
    expect((await scoped(seeded.a).getTenantObject('Document', own)).id).toBe(own);
    await expect(scoped(seeded.a).getTenantObject('Document', seeded.bRows.Document?.[0] as string)).rejects.toThrow(
      TenantObjectNotFoundError,
    );
  });
});
