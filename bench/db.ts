// npm run bench:db — throughput of findMany / create / update through the plain client, the tenant
// extension, RLS (TenantPool), both, and two rejected RLS designs, as ratios to plain Prisma and to
// raw pg, measured in one run on a scratch database with 10k rows, at concurrency 1 and 10.
// Requests rotate over 4 tenants, so the RLS pool really has to switch tenants on its connections.
// The cases and the measuring live in bench/db-cases.ts (bench/peers/ reuses them).
import { key, median, OPS, type Op, openDbBench, ROWS, roundRatios, runRounds, TENANTS } from './db-cases';
import { atLeast, type BenchRow, emit, flags, log } from './lib/report';

// `--quick`: 3 short rounds (bench/all.ts --quick); the full run is 5 rounds, the order flipping each round.
const ROUNDS = flags.quick ? 3 : 5;
const OPS_PER_ROUND = flags.quick ? { 1: 300, 10: 900 } : { 1: 1500, 10: 4000 };

/** Issue 16's goals: each wall's worst op ÷ plain Prisma, at concurrency 1 and 10. */
const TARGETS: Record<string, Record<number, number>> = {
  extension: { 1: 0.95, 10: 0.9 },
  'rls (TenantPool)': { 1: 0.85, 10: 0.8 },
  'both (TenantPool)': { 1: 0.8, 10: 0.8 },
};

type Spread = { median: number; min: number; max: number };
const spread = (values: number[]): Spread => ({
  median: median(values),
  min: Math.min(...values),
  max: Math.max(...values),
});
const fmt = (s: Spread) => `${s.median.toFixed(2)} [${s.min.toFixed(2)}–${s.max.toFixed(2)}]`;

async function main(): Promise<void> {
  const started = performance.now();
  const bench = await openDbBench();
  try {
    const { variants, tenants } = bench;
    const rates = await runRounds(variants, tenants, {
      concurrencies: [1, 10],
      rounds: ROUNDS,
      opsPerConcurrency: { 1: OPS_PER_ROUND[1] * ROUNDS, 10: OPS_PER_ROUND[10] * ROUNDS },
      warmOps: flags.quick ? 150 : 400,
      alternate: true,
    });
    const ratio = (name: string, base: string, op: Op, c: number) => spread(roundRatios(rates, name, base, op, c));

    log(
      `\nbench:db — ${ROWS} rows, ${TENANTS} tenants rotating, pool 10, synchronous_commit off, ${ROUNDS} interleaved rounds (order flips each round), ${((performance.now() - started) / 60_000).toFixed(1)} min`,
    );
    log('cell: median ops/s · ÷ plain prisma, median of per-round ratios [min–max] · ÷ raw pg\n');
    for (const c of [1, 10]) {
      log(`concurrency ${c}`);
      log(['variant'.padEnd(44), ...OPS.map((o) => o.padStart(36))].join(''));
      for (const [name] of variants) {
        const cells = OPS.map((op) => {
          const rate = median(rates.get(key(name, op, c)) ?? []);
          const toPlain = fmt(ratio(name, 'plain prisma', op, c));
          return `${rate.toFixed(0)} ${toPlain} ${ratio(name, 'raw pg', op, c).median.toFixed(2)}x`.padStart(36);
        });
        log([name.padEnd(44), ...cells].join(''));
      }
      log('');
    }

    const rows: BenchRow[] = [];
    for (const c of [1, 10]) {
      for (const [variant, goal] of Object.entries(TARGETS)) {
        const min = goal[c] ?? 0;
        const per = OPS.map((op) => ({ op, r: ratio(variant, 'plain prisma', op, c) }));
        const worst = per.reduce((a, b) => (b.r.median < a.r.median ? b : a));
        rows.push({
          section: 'db',
          measurement: `${variant.replace(' (TenantPool)', '')} / plain prisma, worst op, concurrency ${c}`,
          ratio: worst.r.median,
          target: `≥ ${min}`,
          context: `${per.map((p) => `${p.op} ${fmt(p.r)}`).join(', ')} (median [min–max] of ${ROUNDS} rounds)`,
          ok: atLeast(worst.r.median, min),
        });
      }
      const toRaw = ratio('plain prisma', 'raw pg', 'findMany', c);
      rows.push({
        section: 'db',
        measurement: `plain prisma / raw pg, findMany, concurrency ${c}`,
        ratio: toRaw.median,
        target: '',
        context: `${fmt(toRaw)}; ${median(rates.get(key('plain prisma', 'findMany', c)) ?? []).toFixed(0)} vs ${median(rates.get(key('raw pg', 'findMany', c)) ?? []).toFixed(0)} ops/s`,
        ok: null,
      });
    }
    emit(rows);
  } finally {
    await bench.close();
  }
}

await main();
