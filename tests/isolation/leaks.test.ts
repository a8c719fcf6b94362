// Every leak a naive top-level hook has (issue 4, "What we measured") has a named test here, plus every
// nested read/write form, transactions, raw SQL and interleaved concurrency — in all three modes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantScopeError } from '@/lib/db/errors';
import { allowRawSql } from '@/lib/db/tenant-extension';
import { createIsolationDb, isolationModeSuite, MODES } from './isolation-db';

let database: Awaited<ReturnType<typeof createIsolationDb>>;
beforeAll(async () => {
  database = await createIsolationDb();
});
afterAll(async () => {
  await database?.drop();
});

describe.each(MODES)('leaks ($name)', (mode) => {
  const env = isolationModeSuite(mode, () => database);
  const asA = () => env.tdb.forTenant(env.seeded.a);
  const asB = () => env.tdb.forTenant(env.seeded.b);
  const bItem = () => env.seeded.bRows.Item?.[0] as string;
  const aItem = () => env.seeded.aRows.Item?.[0] as string;
  const user = () => ({ where: { id: env.seeded.shared } });

  describe('reads through relations', () => {
    it('include of a tenant-owned relation from a non-tenant model shows only A rows (User → items, memberships)', async () => {
      const u = await asA().user.findUniqueOrThrow({ ...user(), include: { items: true, memberships: true } });
      expect(u.items.length).toBeGreaterThan(0);
      expect(u.items.every((i) => i.tenantId === env.seeded.a)).toBe(true);
      expect(u.memberships.map((m) => m.tenantId)).toEqual([env.seeded.a]);
    });
    it('select of a relation with its own where still adds the tenant', async () => {
      const u = await asA().user.findUniqueOrThrow({
        ...user(),
        select: { items: { where: { tenantId: env.seeded.b } } },
      });
      expect(u.items).toEqual([]);
    });
    it('nested include (Tenant → items → createdBy → items) shows only A rows', async () => {
      const t = await asA().tenant.findUniqueOrThrow({
        where: { id: env.seeded.b },
        include: { items: true, documents: true, memberships: { include: { user: { include: { items: true } } } } },
      });
      expect(t.items).toEqual([]);
      expect(t.documents).toEqual([]);
      expect(t.memberships).toEqual([]);
      const own = await asA().tenant.findUniqueOrThrow({
        where: { id: env.seeded.a },
        include: { memberships: { include: { user: { include: { items: true } } } } },
      });
      const items = own.memberships.flatMap((m) => m.user.items);
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((i) => i.tenantId === env.seeded.a)).toBe(true);
    });
    it('_count of relations counts only A rows', async () => {
      const u = await asA().user.findUniqueOrThrow({ ...user(), include: { _count: true } });
      expect(u._count.items).toBe(env.seeded.aRows.Item?.length);
      expect(u._count.memberships).toBe(1);
      const s = await asA().user.findUniqueOrThrow({
        ...user(),
        select: { _count: { select: { items: true, memberships: { where: {} } } } },
      });
      expect(s._count).toEqual({ items: env.seeded.aRows.Item?.length, memberships: 1 });
      const t = await asA().tenant.findUniqueOrThrow({ where: { id: env.seeded.b }, include: { _count: true } });
      expect(Object.values(t._count).every((n) => n === 0)).toBe(true);
    });
    it('relation filters (some/every/none) only see A rows', async () => {
      const bName = (await env.tdb.admin.item.findUniqueOrThrow({ where: { id: bItem() } })).name;
      expect(await asA().user.count({ where: { id: env.seeded.shared, items: { some: { name: bName } } } })).toBe(0);
      expect(await asA().user.count({ where: { id: env.seeded.shared, items: { none: { name: bName } } } })).toBe(1);
      const aNames = (await env.tdb.admin.item.findMany({ where: { tenantId: env.seeded.a } })).map((i) => i.name);
      expect(
        await asA().user.count({ where: { id: env.seeded.shared, items: { every: { name: { in: aNames } } } } }),
      ).toBe(1);
      expect(await asA().tenant.count({ where: { id: env.seeded.b, items: { some: {} } } })).toBe(0);
      expect(await asA().item.count({ where: { createdBy: { items: { some: { id: bItem() } } } } })).toBe(0);
    });
    it('to-one relation filters (is/isNot) reach only A rows', async () => {
      expect(
        await asA().item.count({ where: { createdBy: { is: { memberships: { some: { tenantId: env.seeded.b } } } } } }),
      ).toBe(0);
    });
    it('the fluent API (user.findUnique().items()) returns only A rows', async () => {
      const items = await asA().user.findUnique(user()).items();
      expect(items?.length).toBe(env.seeded.aRows.Item?.length);
      expect(items?.every((i) => i.tenantId === env.seeded.a)).toBe(true);
      expect(
        await asA()
          .tenant.findUnique({ where: { id: env.seeded.b } })
          .items(),
      ).toEqual([]);
      expect(
        await asA()
          .item.findUnique({ where: { id: bItem() } })
          .createdBy(),
      ).toBeNull();
    });
  });

  describe('nested writes', () => {
    const attempt = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        () => 'refused',
      );
    it('nested create through user.update cannot create rows for B', async () => {
      await attempt(
        asA().user.update({
          ...user(),
          data: { items: { create: { name: `n-${Date.now()}`, tenantId: env.seeded.b } } },
        }),
      );
      await attempt(
        asA().user.update({
          ...user(),
          data: { items: { create: { name: `n2-${Date.now()}`, tenant: { connect: { id: env.seeded.b } } } } },
        }),
      );
      await attempt(
        asA().user.update({
          ...user(),
          data: { items: { createMany: { data: [{ name: `n3-${Date.now()}`, tenantId: env.seeded.b }] } } },
        }),
      );
    });
    it('nested updateMany and deleteMany through user.update leave B rows alone', async () => {
      await attempt(
        asA().user.update({
          ...user(),
          data: { items: { updateMany: { where: {}, data: { createdAt: new Date(0) } } } },
        }),
      );
      await attempt(asA().user.update({ ...user(), data: { items: { deleteMany: {} } } }));
      expect(await env.tdb.admin.item.count({ where: { tenantId: env.seeded.b } })).toBe(env.seeded.bRows.Item?.length);
    });
    it('nested update, upsert, delete and disconnect of a B row by id do nothing to it', async () => {
      await attempt(
        asA().user.update({ ...user(), data: { items: { update: { where: { id: bItem() }, data: { name: 'x' } } } } }),
      );
      await attempt(
        asA().user.update({
          ...user(),
          data: {
            items: {
              upsert: {
                where: { id: bItem() },
                create: { name: `u-${Date.now()}`, tenantId: env.seeded.a },
                update: { name: 'x' },
              },
            },
          },
        }),
      );
      await attempt(asA().user.update({ ...user(), data: { items: { delete: { id: bItem() } } } }));
      await attempt(asA().user.update({ ...user(), data: { items: { disconnect: { id: bItem() } } } }));
      await attempt(asA().user.update({ ...user(), data: { memberships: { deleteMany: {} } } }));
    });
    it('connect, connectOrCreate and set cannot link B rows', async () => {
      const other = await env.tdb.admin.user.create({ data: { email: `o-${Date.now()}@x.test` } });
      await attempt(asA().user.update({ where: { id: other.id }, data: { items: { connect: { id: bItem() } } } }));
      await attempt(
        asA().user.update({
          where: { id: other.id },
          data: {
            items: {
              connectOrCreate: { where: { id: bItem() }, create: { name: `cc-${Date.now()}`, tenantId: env.seeded.a } },
            },
          },
        }),
      );
      await attempt(asA().user.update({ where: { id: other.id }, data: { items: { set: [{ id: bItem() }] } } }));
      await attempt(asA().user.update({ ...user(), data: { items: { set: [] } } }));
    });
    it('writes through tenant B row (tenant.update with nested items) cannot touch B', async () => {
      await attempt(
        asA().tenant.update({ where: { id: env.seeded.b }, data: { items: { create: { name: `t-${Date.now()}` } } } }),
      );
      await attempt(asA().tenant.update({ where: { id: env.seeded.b }, data: { items: { deleteMany: {} } } }));
      await attempt(
        asA().tenant.update({ where: { id: env.seeded.a }, data: { items: { connect: { id: bItem() } } } }),
      );
    });
    it('an update cannot move a row to B through the tenant relation', async () => {
      await expect(
        asA().item.update({ where: { id: aItem() }, data: { tenant: { connect: { id: env.seeded.b } } } }),
      ).rejects.toThrow();
    });
  });

  describe('transactions', () => {
    it('an interactive transaction is scoped and rolls back together', async () => {
      const before = await env.tdb.admin.item.count({ where: { tenantId: env.seeded.a } });
      await expect(
        asA().$transaction(async (tx) => {
          await tx.item.create({ data: { name: `tx-${Date.now()}`, tenantId: env.seeded.a } });
          expect(await tx.item.count()).toBe(before + 1);
          expect(await tx.item.findUnique({ where: { id: bItem() } })).toBeNull();
          await tx.item.updateMany({ where: { id: bItem() }, data: { name: 'tx-b' } });
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(await env.tdb.admin.item.count({ where: { tenantId: env.seeded.a } })).toBe(before);
    });
    it('a batch transaction is scoped', async () => {
      const [rows, count, b] = await asA().$transaction([
        asA().item.findMany(),
        asA().item.count({ where: { tenantId: env.seeded.b } }),
        asA().item.findUnique({ where: { id: bItem() } }),
      ]);
      expect(rows.every((r) => r.tenantId === env.seeded.a)).toBe(true);
      expect(count).toBe(0);
      expect(b).toBeNull();
    });
  });

  describe('raw SQL', () => {
    it.runIf(mode.extension)('refuses $queryRaw/$executeRaw and the Unsafe forms on a tenant client', async () => {
      await expect(asA().$queryRaw`select 1`).rejects.toThrow(TenantScopeError);
      await expect(asA().$executeRaw`select 1`).rejects.toThrow(TenantScopeError);
      await expect(asA().$queryRawUnsafe('select 1')).rejects.toThrow(TenantScopeError);
      await expect(asA().$executeRawUnsafe('select 1')).rejects.toThrow(TenantScopeError);
      await expect(asA().$transaction((tx) => tx.$queryRaw`select 1`)).rejects.toThrow(TenantScopeError);
    });
    it.runIf(mode.rls)('allowRawSql still runs as the tenant under RLS: no B rows, no B writes', async () => {
      const rows = await allowRawSql(() => asA().$queryRaw<{ tenantId: string }[]>`select "tenantId" from "Item"`);
      expect(rows.every((r) => r.tenantId === env.seeded.a)).toBe(true);
      expect(
        await allowRawSql(
          () => asA().$executeRaw`update "Item" set name = name || '!' where "tenantId" = ${env.seeded.b}`,
        ),
      ).toBe(0);
      expect(
        await allowRawSql(() =>
          asA().$executeRawUnsafe('delete from "Document"  where "tenantId" <> $1', env.seeded.a),
        ),
      ).toBe(0);
    });
  });

  describe('no tenant', () => {
    it('db outside withTenant returns nothing or throws, never everything', async () => {
      const r = await env.tdb.db.item.findMany().then(
        (rows) => rows.length,
        (e: unknown) => e,
      );
      if (mode.extension) expect(r).toBeInstanceOf(TenantScopeError);
      else expect(r).toBe(0);
      const u = await env.tdb.db.user.findUnique({ ...user(), include: { items: true } }).then(
        (x) => x?.items.length,
        (e: unknown) => e,
      );
      if (mode.extension) expect(u).toBeInstanceOf(TenantScopeError);
      else expect(u).toBe(0);
    });
  });

  it('400 interleaved concurrent requests of A and B each see only their own rows', async () => {
    const jobs = Array.from({ length: 400 }, (_, i) => {
      const [client, me] = i % 2 === 0 ? [asA(), env.seeded.a] : [asB(), env.seeded.b];
      const other = i % 2 === 0 ? bItem() : aItem();
      const op =
        i % 4 < 2
          ? client.item.findMany()
          : client.item.findUnique({ where: { id: other } }).then((r) => (r ? [r] : []));
      return op.then(
        (rows) => rows.every((r) => r.tenantId === me) && (i % 4 < 2 ? rows.length > 0 : rows.length === 0),
      );
    });
    const ok = await Promise.all(jobs);
    expect(ok.filter((x) => !x).length).toBe(0);
  });
});
