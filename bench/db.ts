// npm run bench:db — throughput of findMany / create / update through the plain client, the tenant
// extension, RLS (TenantPool), both, and two rejected RLS designs, as ratios to plain Prisma and to
// raw pg, measured in one run on a scratch database with 10k rows, at concurrency 1 and 10.
// Requests rotate over 4 tenants, so the RLS pool really has to switch tenants on its connections.
// The cases and the measuring live in bench/db-cases.ts (bench/peers/ reuses them).
import { key, median, OPS, openDbBench, ROWS, runRounds, TENANTS } from './db-cases';

// `--quick`: a third of the operations (bench/all.ts --quick); `--json`: results as one JSON line, last.
const QUICK = process.argv.includes('--quick');
const ROUNDS = 3;

async function main(): Promise<void> {
  const bench = await openDbBench();
  try {
    const { variants, tenants } = bench;
    // Warm every path, then measure in ROUNDS interleaved rounds and keep each variant's median, so
    // a variant is not favoured by running later on a warmer machine.
    const rates = await runRounds(variants, tenants, {
      concurrencies: [1, 10],
      rounds: ROUNDS,
      opsPerConcurrency: QUICK ? { 1: 300, 10: 900 } : { 1: 900, 10: 2700 },
      warmOps: QUICK ? 150 : 400,
    });
    const results = new Map<string, number>();
    for (const [k, r] of rates) results.set(k, median(r));

    console.log(
      `\nbench:db — ${ROWS} rows, ${TENANTS} tenants rotating, pool 10, synchronous_commit off, median of ${ROUNDS} interleaved rounds in one run\n(ops/s; ratio to plain prisma; ratio to raw pg)\n`,
    );
    for (const concurrency of [1, 10]) {
      console.log(`concurrency ${concurrency}`);
      const header = ['variant'.padEnd(44), ...OPS.map((o) => o.padStart(24))].join('');
      console.log(header);
      for (const [name] of variants) {
        const cells = OPS.map((op) => {
          const v = results.get(key(name, op, concurrency)) ?? 0;
          const plain = results.get(key('plain prisma', op, concurrency)) ?? 1;
          const raw = results.get(key('raw pg', op, concurrency)) ?? 1;
          return `${v.toFixed(0)} ${(v / plain).toFixed(2)}x ${(v / raw).toFixed(2)}x`.padStart(24);
        });
        console.log([name.padEnd(44), ...cells].join(''));
      }
      console.log('');
    }
    if (process.argv.includes('--json'))
      console.log(JSON.stringify({ tableRows: ROWS, opsPerSecond: Object.fromEntries(results) }));
  } finally {
    await bench.close();
  }
}

await main();
