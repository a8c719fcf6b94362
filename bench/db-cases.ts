/**
 * The machinery of `npm run bench:db`, importable: a scratch database with ROWS items over TENANTS
 * tenants, the Tenantry cases (plain Prisma, the extension, RLS, both, the rejected designs, raw pg)
 * as runners of the same three operations, and interleaved rounds that measure them. bench/db.ts
 * prints them; bench/peers/ adds other ORMs' cases to the same run on the same rows.
 */
import pg from 'pg';
import { disableCrossContextBatching } from '@/lib/db/batching';
import { createTenantDb } from '@/lib/db/clients';
import { createPrismaClient } from '@/lib/db/prisma';
import { createIsolationDb } from '@/tests/isolation/isolation-db';

export const ROWS = 10_000;
export const TENANTS = 4;
export const OPS = ['findMany', 'create', 'update'] as const;
export type Op = (typeof OPS)[number];
export type Runner = (op: Op, tenant: string, i: number) => Promise<unknown>;
export type Variant = [name: string, run: Runner];

/** Throughput (ops/s) of `total` operations issued by `concurrency` workers, rotating over the tenants. */
export async function measure(
  run: Runner,
  op: Op,
  concurrency: number,
  tenants: string[],
  total: number,
): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        await run(op, tenants[i % tenants.length] as string, i);
      }
    }),
  );
  return total / ((performance.now() - start) / 1000);
}

export type DbBench = {
  /** The scratch database: owner URL and the app role's URL. */
  database: { url: string; appUrl: string };
  tenants: string[];
  /** One seeded row per tenant: the row every `update` rewrites. */
  firstId: Map<string, string>;
  /** A name no other operation in this run uses (the `(tenantId, name)` pair is unique). */
  uniq(label: string, i: number): string;
  /** Every Tenantry case, in bench/db.ts's order; 'raw pg' and 'plain prisma' are the baselines. */
  variants: Variant[];
  clients: {
    plain: ReturnType<typeof createTenantDb>;
    rls: ReturnType<typeof createTenantDb>;
    both: ReturnType<typeof createTenantDb>;
  };
  /** Disconnects every client and drops the database. */
  close(): Promise<void>;
};

export async function openDbBench(): Promise<DbBench> {
  const database = await createIsolationDb();
  // Measure the client/driver overhead, not the disk: one fsync per commit would dominate writes.
  const dbName = new URL(database.url).pathname.slice(1);
  const setup = new pg.Client({ connectionString: database.url });
  await setup.connect();
  await setup.query(`alter database "${dbName}" set synchronous_commit = off`);
  await setup.end();
  const owner = new pg.Pool({ connectionString: database.url, max: 10 });
  const appPool = new pg.Pool({ connectionString: database.appUrl, max: 10 });
  const plainDb = createTenantDb({ url: database.url, appUrl: database.appUrl, rls: false });
  const rlsDb = createTenantDb({ url: database.url, appUrl: database.appUrl, rls: true, extension: false });
  const bothDb = createTenantDb({ url: database.url, appUrl: database.appUrl, rls: true, extension: true });
  const appPlain = createPrismaClient(database.appUrl, 10); // for the rejected designs
  disableCrossContextBatching(appPlain);
  const close = async () => {
    await Promise.allSettled([
      plainDb.disconnect(),
      rlsDb.disconnect(),
      bothDb.disconnect(),
      appPlain.$disconnect(),
      owner.end(),
      appPool.end(),
    ]);
    await database.drop();
  };
  try {
    const tenants: string[] = [];
    for (let t = 0; t < TENANTS; t++) {
      const { id } = await plainDb.admin.tenant.create({ data: { slug: `bench-${t}`, name: `Bench ${t}` } });
      tenants.push(id);
    }
    await owner.query(
      `insert into "Item" (id, "tenantId", name, "createdAt")
       select 'seed-' || g, ($1::text[])[1 + g % ${TENANTS}], 'seed-' || g, now() - g * interval '1 second'
       from generate_series(1, ${ROWS}) g`,
      [tenants],
    );
    await owner.query('analyze "Item"');
    const firstId = new Map<string, string>();
    for (const t of tenants) {
      firstId.set(t, (await owner.query('select id from "Item" where "tenantId" = $1 limit 1', [t])).rows[0].id);
    }
    const stamp = Date.now();
    const uniq = (label: string, i: number) => `${label}-${stamp}-${i}-${Math.random().toString(36).slice(2, 8)}`;

    // Prisma-shaped calls; `client` is any of the scoped/plain clients (same delegate API).
    type ItemClient = typeof plainDb.admin;
    const prismaRunner =
      (pick: (t: string) => ItemClient, label: string): Runner =>
      (op, t, i) => {
        const c = pick(t);
        if (op === 'findMany')
          return c.item.findMany({ where: { tenantId: t }, orderBy: { createdAt: 'desc' }, take: 20 });
        if (op === 'create') return c.item.create({ data: { tenantId: t, name: uniq(label, i) } });
        return c.item.update({ where: { id: firstId.get(t) as string, tenantId: t }, data: { name: uniq(label, i) } });
      };
    const rawSql = (op: Op, t: string, i: number, label: string): [string, unknown[]] =>
      op === 'findMany'
        ? ['select * from "Item" where "tenantId" = $1 order by "createdAt" desc limit 20', [t]]
        : op === 'create'
          ? [
              'insert into "Item" (id, "tenantId", name) values ($1, $2, $3) returning *',
              [uniq(`${label}id`, i), t, uniq(label, i)],
            ]
          : [
              'update "Item" set name = $1 where id = $2 and "tenantId" = $3 returning *',
              [uniq(label, i), firstId.get(t), t],
            ];

    const variants: Variant[] = [
      ['raw pg', (op, t, i) => owner.query(...rawSql(op, t, i, 'pg'))],
      [
        'raw pg + BEGIN/set_config/COMMIT',
        async (op, t, i) => {
          const c = await appPool.connect();
          try {
            await c.query('begin');
            await c.query("select set_config('app.tenant_id', $1, true)", [t]);
            const r = await c.query(...rawSql(op, t, i, 'pgtx'));
            await c.query('commit');
            return r;
          } finally {
            c.release();
          }
        },
      ],
      ['plain prisma', prismaRunner(() => plainDb.admin, 'plain')],
      ['extension', prismaRunner((t) => plainDb.forTenant(t) as unknown as ItemClient, 'ext')],
      ['rls (TenantPool)', prismaRunner((t) => rlsDb.forTenant(t) as unknown as ItemClient, 'rls')],
      ['both (TenantPool)', prismaRunner((t) => bothDb.forTenant(t) as unknown as ItemClient, 'both')],
      [
        'rejected: rls via batch $transaction',
        (op, t, i) => {
          const q = prismaRunner(() => appPlain, 'batch')(op, t, i) as ReturnType<ItemClient['item']['findMany']>;
          return appPlain.$transaction([appPlain.$executeRaw`select set_config('app.tenant_id', ${t}, true)`, q]);
        },
      ],
      [
        'rejected: rls via interactive tx + SET LOCAL',
        (op, t, i) =>
          appPlain.$transaction(async (tx) => {
            await tx.$executeRaw`select set_config('app.tenant_id', ${t}, true)`;
            return prismaRunner(() => tx as unknown as ItemClient, 'itx')(op, t, i);
          }),
      ],
    ];
    return {
      database,
      tenants,
      firstId,
      uniq,
      variants,
      clients: { plain: plainDb, rls: rlsDb, both: bothDb },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

export type RoundOptions = {
  concurrencies: number[];
  rounds: number;
  /** Operations per measurement, by concurrency (spread over the rounds). */
  opsPerConcurrency: Record<number, number>;
  /** Operations per variant and op in the warm-up pass. */
  warmOps: number;
  /** Reverse the variants' order every other round (A/B/B/A), so none always runs on a warmer machine. */
  alternate?: boolean;
};

/** Key of a rate list: `${variant}|${op}|${concurrency}`. */
export const key = (variant: string, op: Op, concurrency: number): string => `${variant}|${op}|${concurrency}`;

/**
 * Warms every path (JIT, plan caches, Postgres caches) before measuring anything, then measures in
 * `rounds` interleaved rounds. Returns every round's rate per key, in round order.
 */
export async function runRounds(
  variants: Variant[],
  tenants: string[],
  o: RoundOptions,
): Promise<Map<string, number[]>> {
  for (const op of OPS) for (const [, run] of variants) await measure(run, op, 10, tenants, o.warmOps);
  const rates = new Map<string, number[]>();
  for (const concurrency of o.concurrencies) {
    for (const op of OPS) {
      for (let round = 0; round < o.rounds; round++) {
        const order = o.alternate && round % 2 === 1 ? [...variants].reverse() : variants;
        for (const [name, run] of order) {
          const total = Math.round((o.opsPerConcurrency[concurrency] ?? 1000) / o.rounds);
          const rate = await measure(run, op, concurrency, tenants, total);
          rates.set(key(name, op, concurrency), [...(rates.get(key(name, op, concurrency)) ?? []), rate]);
        }
      }
    }
  }
  return rates;
}

/** Per-round ratios of `name` to `base` (same round, same op, same concurrency). */
export function roundRatios(rates: Map<string, number[]>, name: string, base: string, op: Op, c: number): number[] {
  const a = rates.get(key(name, op, c)) ?? [];
  const b = rates.get(key(base, op, c)) ?? [];
  return a.map((v, i) => v / (b[i] ?? Number.NaN));
}

/** The median of a list (the upper one of the two middles for even lengths, as bench:db always did). */
export function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
