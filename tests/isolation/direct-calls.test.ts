// The scoped client's direct path (lib/db/direct-calls.ts): an awaited model call skips Prisma's
// extension machinery but keeps the extension's semantics — scoped, lazy, run once, the tenant read
// when awaited — and everything else still goes through the extension. The attack matrix and the leak
// suite run through this path too; this file covers what is specific to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '@/lib/db/context';
import { withDirectCalls } from '@/lib/db/direct-calls';
import { TenantScopeError } from '@/lib/db/errors';
import { createPrismaClient } from '@/lib/db/prisma';
import { tenantExtension } from '@/lib/db/tenant-extension';
import { modelGraphFromClient } from '@/lib/db/tenant-models';
import { createIsolationDb, isolationModeSuite, MODES, seedTwoTenants } from './isolation-db';

let database: Awaited<ReturnType<typeof createIsolationDb>>;
beforeAll(async () => {
  database = await createIsolationDb();
});
afterAll(async () => {
  await database?.drop();
});

const pause = () => new Promise((resolve) => setTimeout(resolve, 50));

describe.each(MODES)('direct calls ($name)', (mode) => {
  const env = isolationModeSuite(mode, () => database);
  const asA = () => env.tdb.forTenant(env.seeded.a);
  const countNamed = (name: string) => env.tdb.admin.item.count({ where: { name } });

  it('runs nothing until awaited, and runs once however often it is awaited', async () => {
    const name = `lazy-${mode.name}`;
    const pending = asA().item.create({ data: { tenantId: env.seeded.a, name } });
    await pause();
    expect(await countNamed(name)).toBe(0);
    const first = await pending;
    const second = await pending;
    expect(second).toBe(first);
    expect(await countNamed(name)).toBe(1);
  });

  it('reads the tenant when awaited, as the extension does', async () => {
    const built = env.tdb.db.item.findMany();
    const rows = await withTenant(env.seeded.a, () => built);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.tenantId === env.seeded.a)).toBe(true);

    const { escaped } = await withTenant(env.seeded.a, () => ({ escaped: env.tdb.db.item.findMany() }));
    if (mode.extension) await expect(escaped).rejects.toThrow(TenantScopeError);
    else expect(await escaped).toEqual([]);
  });

  it('rejects a refused call when awaited, never when it is built', async () => {
    let pending: PromiseLike<unknown> | undefined;
    expect(() => {
      pending = asA().item.create({ data: { tenantId: env.seeded.b, name: `cross-${mode.name}` } });
    }).not.toThrow();
    await expect(pending).rejects.toThrow(mode.extension ? TenantScopeError : Error);
  });

  it('is a PrismaPromise to batch $transaction, and the batch stays scoped', async () => {
    const A = asA();
    const pending = A.item.findMany({ where: { tenantId: env.seeded.b } });
    expect(Object.prototype.toString.call(pending)).toBe('[object PrismaPromise]');
    const [cross, own] = await A.$transaction([pending, A.item.count()]);
    expect(cross).toEqual([]);
    expect(own).toBe(await env.tdb.admin.item.count({ where: { tenantId: env.seeded.a } }));
  });

  it('hands what it does not scope itself to the extended client', async () => {
    expect(asA().item.fields.tenantId.name).toBe('tenantId');
    const items = await asA()
      .user.findUniqueOrThrow({ where: { id: env.seeded.shared } })
      .items({ where: { tenantId: env.seeded.b } });
    expect(items).toEqual([]);
  });
});

describe('direct calls, which path runs', () => {
  it('an awaited model call skips the extension; fluent and batch calls go through it', async () => {
    const base = createPrismaClient(database.url, 2);
    try {
      const graph = modelGraphFromClient(base);
      const seeded = await seedTwoTenants(base, graph);
      const walls = { graph, getTenantId: () => seeded.a, inject: true, rls: false };
      let viaExtension = 0;
      const extended = base.$extends(tenantExtension(walls)).$extends({
        query: {
          async $allOperations({ args, query }) {
            viaExtension++;
            return query(args);
          },
        },
      });
      const A = withDirectCalls(extended, base, walls);

      const rows = await A.item.findMany();
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.tenantId === seeded.a)).toBe(true);
      await expect(A.item.update({ where: { id: seeded.bRows.Item?.[0] as string }, data: {} })).rejects.toThrow();
      expect(viaExtension).toBe(0);

      const fluent = await A.user.findUniqueOrThrow({ where: { id: seeded.shared } }).items();
      expect(fluent.every((r) => r.tenantId === seeded.a)).toBe(true);
      expect(viaExtension).toBe(1);

      await A.$transaction([A.item.count(), A.item.findFirst()]);
      expect(viaExtension).toBe(3);
    } finally {
      await base.$disconnect();
    }
  });
});
