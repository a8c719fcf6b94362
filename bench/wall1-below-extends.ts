/**
 * `npx tsx bench/wall1-below-extends.ts [--c1]` — issue 16's open option, measured: what both walls
 * would cost if wall 1 were applied below Prisma's extension layer instead of through `$extends`.
 *
 * Not a shipped design. The "below" case calls the TenantPool client's delegates directly with the
 * arguments `scopeArgs` produces, inside `runAsTenant`, and checks the result, which is what the
 * extension does per call minus Prisma's query-callback chain and its per-row result-extension walk.
 * It covers the three flat calls only; the shipped extension also covers batch and interactive
 * transactions and the fluent API, which a real implementation would have to keep. 7 interleaved
 * rounds, the order flipping; each ratio is ÷ plain Prisma in the same round (median [min–max]).
 */
import { disableCrossContextBatching } from '@/lib/db/batching';
import { createPrismaClientFromPool } from '@/lib/db/prisma';
import { runAsTenant, TenantPool } from '@/lib/db/rls-pool';
import { scopeArgs } from '@/lib/db/scope-args';
import { measure, median, type Op, openDbBench, type Runner } from './db-cases';

const CONCURRENCY = process.argv.includes('--c1') ? 1 : 10;
const ROUNDS = 7;

const bench = await openDbBench();
const app = createPrismaClientFromPool(new TenantPool({ connectionString: bench.database.appUrl, max: 10 }));
disableCrossContextBatching(app);
try {
  const graph = bench.clients.both.graph;
  const scoped = <T>(t: string, operation: string, args: object, run: (a: never) => PromiseLike<T>) => {
    const call = scopeArgs({ graph, tenantId: t }, 'Item', operation, args);
    return runAsTenant(t, async () => call.check(await run(call.args as never)));
  };
  const below: Runner = (op, t, i) => {
    const name = bench.uniq('below', i);
    if (op === 'findMany')
      return scoped(t, op, { where: { tenantId: t }, orderBy: { createdAt: 'desc' }, take: 20 }, (a) =>
        app.item.findMany(a),
      );
    if (op === 'create') return scoped(t, op, { data: { tenantId: t, name } }, (a) => app.item.create(a));
    const where = { id: bench.firstId.get(t) as string, tenantId: t };
    return scoped(t, op, { where, data: { name } }, (a) => app.item.update(a));
  };
  const pick = (name: string): Runner => {
    const found = bench.variants.find(([n]) => n === name);
    if (!found) throw new Error(`no case ${name}`);
    return found[1];
  };
  const cases: [string, Runner][] = [
    ['plain prisma', pick('plain prisma')],
    ['both walls ($extends, shipped)', pick('both (TenantPool)')],
    ['both walls, wall 1 below $extends', below],
  ];
  const ops: Op[] = ['findMany', 'create', 'update'];
  for (const op of ops) for (const [, run] of cases) await measure(run, op, CONCURRENCY, bench.tenants, 500);
  console.log(
    `\nwall 1 below $extends — concurrency ${CONCURRENCY}, ${ROUNDS} rounds; ÷ plain prisma, median [min–max]`,
  );
  for (const op of ops) {
    const ratios = new Map<string, number[]>();
    for (let round = 0; round < ROUNDS; round++) {
      const rates = new Map<string, number>();
      for (const [name, run] of round % 2 ? [...cases].reverse() : cases) {
        rates.set(name, await measure(run, op, CONCURRENCY, bench.tenants, CONCURRENCY === 1 ? 1200 : 3000));
      }
      for (const [name] of cases) {
        ratios.set(name, [...(ratios.get(name) ?? []), (rates.get(name) ?? 0) / (rates.get('plain prisma') ?? 1)]);
      }
    }
    for (const [name, r] of ratios) {
      if (name === 'plain prisma') continue;
      console.log(
        `${op.padEnd(9)} ${name.padEnd(36)} ${median(r).toFixed(2)} [${Math.min(...r).toFixed(2)}–${Math.max(...r).toFixed(2)}]`,
      );
    }
  }
} finally {
  await app.$disconnect();
  await bench.close();
}
