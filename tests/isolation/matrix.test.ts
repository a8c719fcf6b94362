// The attack matrix: for every tenant-owned model and every operation, tenant A reads, counts and
// changes nothing of tenant B — in each mode (extension only, RLS only, both).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIsolationDb, delegate, MODEL_SPECS, isolationModeSuite, MODES, tenantModels } from './isolation-db';

type Row = Record<string, unknown>;
let database: Awaited<ReturnType<typeof createIsolationDb>>;
// The seed specs name the models; the first test fails when the schema gains one they lack.
const MODELS = Object.keys(MODEL_SPECS);

beforeAll(async () => {
  database = await createIsolationDb();
});
afterAll(async () => {
  await database?.drop();
});

describe.each(MODES)('isolation matrix ($name)', (mode) => {
  // B's rows are identical after every single attack (checked after each test).
  const env = isolationModeSuite(mode, () => database);

  it('covers every tenant-owned model of the schema', () => {
    expect(tenantModels(env.tdb.graph).sort()).toEqual([...MODELS].sort());
  });

  describe.each(MODELS)('%s', (model) => {
    const asA = () => delegate(env.tdb.forTenant(env.seeded.a), model);
    const bId = () => (env.seeded.bRows[model] as string[])[0] as string;
    const aCount = () => delegate(env.tdb.admin, model).count({ where: { tenantId: env.seeded.a } });
    const newData = async (tag: string): Promise<Row> => {
      const spec = MODEL_SPECS[model] as { data(t: string): Row };
      const unique = `${tag}-${Math.random().toString(36).slice(2)}`;
      // Membership is unique per (tenant, user): give each new one its own user.
      const extra =
        model === 'Membership'
          ? { userId: (await env.tdb.admin.user.create({ data: { email: `${unique}@x.test` } })).id }
          : {};
      return { ...spec.data(unique), ...extra };
    };
    const update = () => (MODEL_SPECS[model] as { update: Row }).update;
    const onlyA = (rows: unknown) => {
      for (const r of rows as Row[]) expect(r.tenantId).toBe(env.seeded.a);
    };

    it('findMany returns only A rows', async () => {
      const rows = (await asA().findMany()) as Row[];
      onlyA(rows);
      expect(rows.length).toBe(await aCount());
    });
    it('findMany with an explicit where on B finds nothing', async () => {
      expect(await asA().findMany({ where: { tenantId: env.seeded.b } })).toEqual([]);
    });
    it('findFirst by B id finds nothing', async () => {
      expect(await asA().findFirst({ where: { id: bId() } })).toBeNull();
    });
    it('findUnique by B id finds nothing', async () => {
      expect(await asA().findUnique({ where: { id: bId() } })).toBeNull();
    });
    it('findFirstOrThrow by B id throws', async () => {
      await expect(asA().findFirstOrThrow({ where: { id: bId() } })).rejects.toThrow();
    });
    it('findUniqueOrThrow by B id throws', async () => {
      await expect(asA().findUniqueOrThrow({ where: { id: bId() } })).rejects.toThrow();
    });
    it('count counts only A rows', async () => {
      expect(await asA().count()).toBe(await aCount());
      expect(await asA().count({ where: { id: bId() } })).toBe(0);
    });
    it('aggregate sees only A rows', async () => {
      const agg = (await asA().aggregate({ _count: { _all: true } })) as { _count: { _all: number } };
      expect(agg._count._all).toBe(await aCount());
    });
    it('groupBy groups only A rows', async () => {
      const groups = (await asA().groupBy({ by: ['tenantId'], _count: { _all: true } })) as Row[];
      expect(groups.map((g) => g.tenantId)).toEqual([env.seeded.a]);
    });
    it('create cannot write a row for B', async () => {
      await expect(asA().create({ data: { ...(await newData('c')), tenantId: env.seeded.b } })).rejects.toThrow();
    });
    it('createMany cannot write rows for B', async () => {
      await expect(
        asA().createMany({ data: [{ ...(await newData('cm')), tenantId: env.seeded.b }] }),
      ).rejects.toThrow();
    });
    it('createManyAndReturn cannot write rows for B', async () => {
      await expect(
        asA().createManyAndReturn({ data: [{ ...(await newData('cr')), tenantId: env.seeded.b }] }),
      ).rejects.toThrow();
    });
    it('create writes A rows', async () => {
      // A tenant has one Subscription (tenantId is unique): replace A's, and let the later cases use the new one.
      if (model === 'Subscription') await env.tdb.admin.subscription.deleteMany({ where: { tenantId: env.seeded.a } });
      const row = (await asA().create({ data: { ...(await newData('own')), tenantId: env.seeded.a } })) as Row;
      expect(row.tenantId).toBe(env.seeded.a);
      if (model === 'Subscription') env.seeded.aRows[model] = [String(row.id)];
    });
    it('update of a B row fails', async () => {
      await expect(asA().update({ where: { id: bId() }, data: update() })).rejects.toThrow();
    });
    it('updateMany of B rows changes nothing', async () => {
      expect(await asA().updateMany({ where: { id: bId() }, data: update() })).toEqual({ count: 0 });
    });
    it('updateManyAndReturn of B rows returns nothing', async () => {
      expect(await asA().updateManyAndReturn({ where: { id: bId() }, data: update() })).toEqual([]);
    });
    it('update cannot move an A row to B', async () => {
      const aId = (env.seeded.aRows[model] as string[])[0];
      await expect(asA().update({ where: { id: aId }, data: { tenantId: env.seeded.b } })).rejects.toThrow();
      await expect(asA().updateMany({ where: {}, data: { tenantId: env.seeded.b } })).rejects.toThrow();
    });
    it('upsert on a B id never touches the B row', async () => {
      await asA()
        .upsert({
          where: { id: bId() },
          create: { ...(await newData('up')), tenantId: env.seeded.a },
          update: update(),
        })
        .catch(() => undefined);
    });
    it('delete of a B row fails', async () => {
      await expect(asA().delete({ where: { id: bId() } })).rejects.toThrow();
    });
    it('deleteMany of B rows deletes nothing', async () => {
      expect(await asA().deleteMany({ where: { id: { in: env.seeded.bRows[model] } } })).toEqual({ count: 0 });
    });
    it('deleteMany with no where deletes only A rows', async () => {
      await asA().deleteMany({});
      expect(await aCount()).toBe(0);
    });
  });
});
