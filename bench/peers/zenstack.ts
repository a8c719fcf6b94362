/**
 * `npm --prefix bench/peers run bench [-- --quick] [-- --json]` — ZenStack v3 beside Tenantry in ONE
 * run: the same scratch database (10k items over 4 tenants), the same findMany / create / update
 * calls, concurrency 1 and 10, pool 10, in interleaved rounds whose order flips every other round.
 * Prints each case's median ops/s, its ratio to its own plain client and to raw pg (median of the
 * per-round ratios, with their min–max), the statements each ZenStack call sends, and what each case
 * does when a tenant moves a row, when no tenant is set and on raw SQL. How to read it:
 * docs/benchmarks.md ("ZenStack side by side").
 */
import './object-group-by.mjs'; // before anything of ZenStack's: it calls Object.groupBy (Node 21+)
import type { BenchRow } from '../lib/report';
import {
  key,
  median,
  OPS,
  type Op,
  openDbBench,
  ROWS,
  roundRatios as ratios,
  runRounds,
  TENANTS,
  type Variant,
} from '../db-cases';
import { formatSemantics, probeSemantics } from './semantics';
import { openZenStack } from './zenstack-cases';

const QUICK = process.argv.includes('--quick');
const JSON_OUT = process.argv.includes('--json');
const ROUNDS = QUICK ? 3 : 7;
const CONCURRENCIES = [1, 10];
/** Which of bench/db-cases.ts's variants stand beside ZenStack, and each case's own plain client. */
const TENANTRY = ['raw pg', 'plain prisma', 'extension', 'rls (TenantPool)', 'both (TenantPool)'];
const PLAIN_OF: Record<string, string> = {
  'raw pg': 'raw pg',
  'plain prisma': 'plain prisma',
  extension: 'plain prisma',
  'rls (TenantPool)': 'plain prisma',
  'both (TenantPool)': 'plain prisma',
  'zenstack plain': 'zenstack plain',
  'zenstack + tenant policy': 'zenstack plain',
  'zenstack + policy + post-update': 'zenstack plain',
};

type Cell = { rate: number; own: number; ownMin: number; ownMax: number; raw: number };
const log = (line: string) => (JSON_OUT ? process.stderr : process.stdout).write(`${line}\n`);

async function main(): Promise<void> {
  const started = performance.now();
  const bench = await openDbBench();
  const zs = openZenStack(bench);
  try {
    const semantics = await probeSemantics(bench, zs);

    // Statements per call, counted on ZenStack's own pools (one call at a time, 20 of each).
    const perCall: string[] = [];
    for (const [name, run] of zs.variants) {
      const pool = name.includes('post-update') ? zs.pools.postUpdate : zs.pools.plain;
      const cells: string[] = [];
      for (const op of OPS) {
        const before = pool.statements;
        for (let i = 0; i < 20; i++) await run(op, bench.tenants[i % TENANTS] as string, 1_000_000 + i);
        cells.push(`${op} ${((pool.statements - before) / 20).toFixed(1)}`);
      }
      perCall.push(`  ${name.padEnd(34)}${cells.join(', ')}`);
    }

    const variants: Variant[] = [
      ...TENANTRY.map((n) => {
        const v = bench.variants.find(([name]) => name === n);
        if (!v) throw new Error(`bench/db-cases.ts has no variant "${n}"`);
        return v;
      }),
      ...zs.variants,
    ];
    const rates = await runRounds(variants, bench.tenants, {
      concurrencies: CONCURRENCIES,
      rounds: ROUNDS,
      opsPerConcurrency: QUICK ? { 1: 300, 10: 900 } : { 1: 2100, 10: 6300 },
      warmOps: QUICK ? 150 : 400,
      alternate: true,
    });

    const cell = (name: string, op: Op, c: number): Cell => {
      const own = ratios(rates, name, PLAIN_OF[name] ?? name, op, c);
      return {
        rate: median(rates.get(key(name, op, c)) ?? []),
        own: median(own),
        ownMin: Math.min(...own),
        ownMax: Math.max(...own),
        raw: median(ratios(rates, name, 'raw pg', op, c)),
      };
    };
    const minutes = ((performance.now() - started) / 60_000).toFixed(1);
    log(
      `\nbench:peers — ${ROWS} rows, ${TENANTS} tenants rotating, pool 10, synchronous_commit off, ${ROUNDS} interleaved rounds (order flips each round), one run of ${minutes} min`,
    );
    log('cell: median ops/s · ÷ own plain client, median of per-round ratios [min–max] · ÷ raw pg\n');
    for (const c of CONCURRENCIES) {
      log(`concurrency ${c}`);
      log(['case'.padEnd(34), ...OPS.map((o) => o.padStart(33))].join(''));
      for (const [name] of variants) {
        const cells = OPS.map((op) => {
          const x = cell(name, op, c);
          return `${x.rate.toFixed(0)} ${x.own.toFixed(2)}x [${x.ownMin.toFixed(2)}–${x.ownMax.toFixed(2)}] ${x.raw.toFixed(2)}x`.padStart(
            33,
          );
        });
        log([name.padEnd(34), ...cells].join(''));
      }
      const both = OPS.map((op) => cell('both (TenantPool)', op, c).own);
      const zsp = OPS.map((op) => cell('zenstack + tenant policy', op, c).own);
      log(
        `both walls ÷ plain prisma vs zenstack policy ÷ zenstack plain: ${OPS.map((op, i) => `${op} ${both[i]?.toFixed(2)} vs ${zsp[i]?.toFixed(2)}`).join(', ')}`,
      );
      // The same two cases head to head, ops/s against ops/s in the same round.
      const head = OPS.map((op) => median(ratios(rates, 'both (TenantPool)', 'zenstack + tenant policy', op, c)));
      log(
        `both walls ÷ zenstack + tenant policy (ops/s, median of per-round ratios): ${OPS.map((op, i) => `${op} ${head[i]?.toFixed(2)}`).join(', ')}\n`,
      );
    }
    log('statements per call (ZenStack pools, 20 calls each, concurrency 1):');
    log(perCall.join('\n'));
    log('\nsemantics (read back by the owner):');
    log(formatSemantics(semantics));

    if (JSON_OUT) {
      const rows: BenchRow[] = [];
      for (const c of CONCURRENCIES) {
        for (const name of [
          'extension',
          'rls (TenantPool)',
          'both (TenantPool)',
          'zenstack + tenant policy',
          'zenstack + policy + post-update',
        ]) {
          const cells = OPS.map((op) => ({ op, ...cell(name, op, c) }));
          const worst = Math.min(...cells.map((x) => x.own));
          rows.push({
            section: 'peers',
            measurement: `${name.replace(' (TenantPool)', '')} / ${PLAIN_OF[name]}, worst op, concurrency ${c}`,
            ratio: worst,
            target: '',
            context: cells
              .map((x) => `${x.op} ${x.own.toFixed(2)} [${x.ownMin.toFixed(2)}–${x.ownMax.toFixed(2)}]`)
              .join(', '),
            ok: null,
          });
        }
      }
      for (const c of CONCURRENCIES) {
        const head = OPS.map((op) => ({
          op,
          r: median(ratios(rates, 'both (TenantPool)', 'zenstack + tenant policy', op, c)),
        }));
        const worst = Math.min(...head.map((h) => h.r));
        rows.push({
          section: 'peers',
          measurement: `both / zenstack + tenant policy (ops/s), worst op, concurrency ${c}`,
          ratio: worst,
          target: '',
          context: head.map((h) => `${h.op} ${h.r.toFixed(2)}`).join(', '),
          ok: null,
        });
      }
      process.stdout.write(`${JSON.stringify({ rows })}\n`);
    }
  } finally {
    await zs.close();
    await bench.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
