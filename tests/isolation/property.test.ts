// Property: whatever sequence of operations tenant A runs (aimed at its own rows, at B's ids, or
// at everything), B's rows are identical before and after — in every mode.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIsolationDb, MODES, type ModeEnv, openMode, snapshot } from './isolation-db';

let database: Awaited<ReturnType<typeof createIsolationDb>>;
beforeAll(async () => {
  database = await createIsolationDb();
});
afterAll(async () => {
  await database?.drop();
});

type Target = 'aId' | 'bId' | 'all';
type Op =
  | { kind: 'create'; name: string; tenant: 'a' | 'b' }
  | { kind: 'update' | 'updateMany' | 'delete' | 'deleteMany' | 'upsert' | 'findMany'; target: Target; name: string }
  | { kind: 'nested'; write: 'connect' | 'set' | 'updateMany' | 'deleteMany' | 'create'; target: Target; name: string };

const name = fc.string({ minLength: 1, maxLength: 8 });
const target = fc.constantFrom<Target>('aId', 'bId', 'all');
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), name, tenant: fc.constantFrom<'a' | 'b'>('a', 'b') }),
  fc.record({
    kind: fc.constantFrom(
      'update' as const,
      'updateMany' as const,
      'delete' as const,
      'deleteMany' as const,
      'upsert' as const,
      'findMany' as const,
    ),
    target,
    name,
  }),
  fc.record({
    kind: fc.constant('nested' as const),
    write: fc.constantFrom(
      'connect' as const,
      'set' as const,
      'updateMany' as const,
      'deleteMany' as const,
      'create' as const,
    ),
    target,
    name,
  }),
);

describe.each(MODES)('property ($name)', (mode) => {
  let env: ModeEnv;
  beforeAll(async () => {
    env = await openMode(mode, database);
  });
  afterAll(async () => {
    await env?.tdb.disconnect();
  });

  it('random operation sequences of A never change B rows', async () => {
    const A = env.tdb.forTenant(env.seeded.a);
    const { a, b, shared } = env.seeded;
    const ids = async (t: Target) => {
      if (t === 'bId') return env.seeded.bRows.Item ?? [];
      if (t === 'aId') return (await env.tdb.admin.item.findMany({ where: { tenantId: a }, take: 1 })).map((i) => i.id);
      return [];
    };
    const where = async (t: Target) => (t === 'all' ? {} : { id: { in: await ids(t) } });
    const run = async (o: Op, n: number) => {
      const unique = `${o.name}-${n}-${Math.random().toString(36).slice(2)}`;
      switch (o.kind) {
        case 'create':
          return A.item.create({ data: { name: unique, tenantId: o.tenant === 'a' ? a : b } });
        case 'findMany':
          return A.item.findMany({ where: await where(o.target) });
        case 'update':
          return A.item.update({ where: { id: (await ids(o.target))[0] ?? 'none' }, data: { name: unique } });
        case 'updateMany':
          return A.item.updateMany({ where: await where(o.target), data: { createdById: null } });
        case 'delete':
          return A.item.delete({ where: { id: (await ids(o.target))[0] ?? 'none' } });
        case 'deleteMany':
          return A.document.deleteMany({ where: o.target === 'bId' ? { id: { in: env.seeded.bRows.Document } } : {} });
        case 'upsert':
          return A.item.upsert({
            where: { id: (await ids(o.target))[0] ?? 'none' },
            create: { name: unique, tenantId: a },
            update: { name: unique },
          });
        case 'nested': {
          const w = await where(o.target);
          const first = (await ids(o.target))[0] ?? 'none';
          const data =
            o.write === 'connect'
              ? { connect: { id: first } }
              : o.write === 'set'
                ? { set: [{ id: first }] }
                : o.write === 'updateMany'
                  ? { updateMany: { where: w, data: { name: unique } } }
                  : o.write === 'deleteMany'
                    ? { deleteMany: w }
                    : { create: { name: unique, tenantId: a } };
          return A.user.update({ where: { id: shared }, data: { items: data } });
        }
      }
    };
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        for (const [i, o] of ops.entries()) await run(o, i).catch(() => undefined);
        expect(await snapshot(env.tdb.admin, env.tdb.graph, b)).toEqual(env.bBefore);
      }),
      { numRuns: 40 },
    );
  });
});
