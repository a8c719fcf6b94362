// npm run bench:db — throughput of findMany / create / update through the plain client, the tenant
// extension, RLS (TenantPool), both, and two rejected RLS designs, as ratios to plain Prisma and to
// raw pg, measured in one run on a scratch database with 10k rows, at concurrency 1 and 10.
// Requests rotate over 4 tenants, so the RLS pool really has to switch tenants on its connections.
import pg from 'pg';
import { createTenantDb } from '@/lib/db/clients';
import { disableCrossContextBatching } from '@/lib/db/batching';
import { createPrismaClient } from '@/lib/db/prisma';
import { createIsolationDb } from '@/tests/isolation/isolation-db';

const ROWS = 10_000;
const TENANTS = 4;
// `--quick`: a third of the operations (bench/all.ts --quick); `--json`: results as one JSON line, last.
const QUICK = process.argv.includes('--quick');
const OPS: Record<number, number> = QUICK ? { 1: 300, 10: 900 } : { 1: 900, 10: 2700 };
const ROUNDS = 3;
type Op = 'findMany' | 'create' | 'update';
type Runner = (op: Op, tenant: string, i: number) => Promise<unknown>;

async function measure(run: Runner, op: Op, concurrency: number, tenants: string[], total: number): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        await run(op, tenants[i % TENANTS] as string, i);
      }
    }),
  );
  return total / ((performance.now() - start) / 1000);
}

async function main(): Promise<void> {
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

    const variants: [string, Runner][] = [
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

    // Warm every path (JIT, Prisma's plan cache, Postgres caches) before measuring anything, then
    // measure in ROUNDS interleaved rounds and keep each variant's median, so a variant is not
    // favoured by running later on a warmer machine.
    const ops = ['findMany', 'create', 'update'] as Op[];
    for (const op of ops) for (const [, run] of variants) await measure(run, op, 10, tenants, QUICK ? 150 : 400);
    const results = new Map<string, number>();
    for (const concurrency of [1, 10]) {
      for (const op of ops) {
        const rates = new Map<string, number[]>();
        for (let round = 0; round < ROUNDS; round++) {
          for (const [name, run] of variants) {
            const rate = await measure(run, op, concurrency, tenants, Math.round((OPS[concurrency] ?? 1000) / ROUNDS));
            rates.set(name, [...(rates.get(name) ?? []), rate]);
          }
        }
        for (const [name, r] of rates)
          results.set(`${name}|${op}|${concurrency}`, r.sort((x, y) => x - y)[Math.floor(r.length / 2)] ?? 0);
      }
    }

    console.log(
      `\nbench:db — ${ROWS} rows, ${TENANTS} tenants rotating, pool 10, synchronous_commit off, median of ${ROUNDS} interleaved rounds in one run\n(ops/s; ratio to plain prisma; ratio to raw pg)\n`,
    );
    for (const concurrency of [1, 10]) {
      console.log(`concurrency ${concurrency}`);
      const header = [
        'variant'.padEnd(44),
        ...(['findMany', 'create', 'update'] as Op[]).map((o) => o.padStart(24)),
      ].join('');
      console.log(header);
      for (const [name] of variants) {
        const cells = (['findMany', 'create', 'update'] as Op[]).map((op) => {
          const v = results.get(`${name}|${op}|${concurrency}`) ?? 0;
          const plain = results.get(`plain prisma|${op}|${concurrency}`) ?? 1;
          const raw = results.get(`raw pg|${op}|${concurrency}`) ?? 1;
          return `${v.toFixed(0)} ${(v / plain).toFixed(2)}x ${(v / raw).toFixed(2)}x`.padStart(24);
        });
        console.log([name.padEnd(44), ...cells].join(''));
      }
      console.log('');
    }
    if (process.argv.includes('--json'))
      console.log(JSON.stringify({ tableRows: ROWS, opsPerSecond: Object.fromEntries(results) }));
  } finally {
    await Promise.allSettled([
      plainDb.disconnect(),
      rlsDb.disconnect(),
      bothDb.disconnect(),
      appPlain.$disconnect(),
      owner.end(),
      appPool.end(),
    ]);
    await database.drop();
  }
}

await main();
