/**
 * `npm run bench [-- --quick]` — every bench, one table of ratios measured in this one run.
 *
 * Each bench runs as its own process with `--json` and hands back its figures as the last line of
 * stdout (its progress is passed through to stderr here). The three app builds the HTTP benches
 * need are made once, up front, in a temp directory (BENCH_VARIANTS_DIR) and removed at the end;
 * every scratch database is dropped by the bench that made it.
 * `--quick` (a few minutes) shortens every bench; the full run takes about 20 minutes here.
 * bench/peers (ZenStack beside Tenantry) is its own package and runs only when it is installed
 * (`npm --prefix bench/peers ci`).
 * How to read the table: docs/benchmarks.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ALL_VARIANTS, buildVariant, ROOT } from './lib/next-variants';
import { type BenchRow, flags, formatTable, log } from './lib/report';

const quick = flags.quick;

type Json = Record<string, unknown>;

/** Runs `tsx bench/<file>` with --json; resolves to the parsed last stdout line. */
function runBench(file: string, args: string[], env: Record<string, string> = {}): Promise<Json> {
  log(`\n== ${file} ${args.join(' ')}`);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('bench', file), ...args, '--json'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const started = performance.now();
  let out = '';
  let pending = '';
  // Pass the bench's own output through, line by line, except its JSON line.
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk;
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (!line.startsWith('{')) process.stderr.write(`${line}\n`);
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      log(`== ${file} took ${((performance.now() - started) / 1000).toFixed(0)} s`);
      if (code !== 0) return reject(new Error(`${file} exited with ${code}`));
      try {
        resolve(JSON.parse(last) as Json);
      } catch {
        reject(new Error(`${file}: last line is not JSON: ${last.slice(0, 200)}`));
      }
    });
  });
}

function resolverRows(data: Json): BenchRow[] {
  const rows = data.rows as { label: string; ns: number }[];
  const base = rows[0]?.ns ?? Number.NaN;
  return rows.map((r) => ({
    section: 'resolvers',
    measurement: `${r.label} / subdomain`,
    ratio: r.ns / base,
    target: '',
    context: `${r.ns.toFixed(0)} ns per resolution (${data.iterations} iterations)`,
    ok: null,
  }));
}

type PresenceResult = {
  nodes: number;
  sockets: number;
  p50: number;
  p99: number;
  allP50: number;
  allP99: number;
  fanout: number;
};

function presenceRows(data: Json): BenchRow[] {
  const results = data.results as PresenceResult[];
  const rows: BenchRow[] = [];
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  for (const one of results.filter((r) => r.nodes === 1)) {
    const two = results.find((r) => r.nodes === 2 && r.sockets === one.sockets);
    if (one.sockets === 1000) {
      // Issue 5's own target is an absolute latency on this machine; shown as a ratio to that budget.
      rows.push({
        section: 'presence',
        measurement: 'join→visible p99 / 100 ms budget, 1 node, 1000 sockets',
        ratio: one.p99 / 100,
        target: '≤ 1.00',
        context: `p50 ${ms(one.p50)}, p99 ${ms(one.p99)} (every member: p99 ${ms(one.allP99)})`,
        ok: one.p99 / 100 <= 1,
      });
    }
    if (!two) continue;
    rows.push({
      section: 'presence',
      measurement: `fan-out msg/s, 2 nodes (redis) / 1 node (memory), ${one.sockets} sockets`,
      ratio: two.fanout / one.fanout,
      target: '',
      context: `${two.fanout.toFixed(0)} vs ${one.fanout.toFixed(0)} msg/s; p99 ${ms(two.p99)} vs ${ms(one.p99)}`,
      ok: null,
    });
  }
  return rows;
}

async function main(): Promise<void> {
  const started = performance.now();
  const variantsDir = mkdtempSync(path.join(tmpdir(), 'tenantry-bench-'));
  const cleanup = () => rmSync(variantsDir, { recursive: true, force: true });
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  const rows: BenchRow[] = [];
  const mode = quick ? ['--quick'] : [];
  try {
    for (const variant of ALL_VARIANTS) buildVariant(variantsDir, variant, log);
    log(`builds done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const env = { BENCH_VARIANTS_DIR: variantsDir };
    rows.push(...((await runBench('middleware-overhead.ts', mode, env)).rows as BenchRow[]));
    rows.push(...((await runBench('edge-vs-node.ts', mode, env)).rows as BenchRow[]));
    rows.push(...resolverRows(await runBench('resolvers.ts', [quick ? '20000' : '200000'])));
    rows.push(...((await runBench('db.ts', mode)).rows as BenchRow[]));
    if (existsSync(path.join(ROOT, 'bench/peers/node_modules/@zenstackhq/orm'))) {
      const generated = spawnSync('npm', ['--prefix', 'bench/peers', 'run', 'generate'], {
        cwd: ROOT,
        stdio: ['ignore', 2, 2], // progress only: stdout is this bench's table
      });
      if (generated.status !== 0) throw new Error('bench/peers: npm run generate failed');
      rows.push(...((await runBench('peers/zenstack.ts', mode)).rows as BenchRow[]));
    } else log('bench/peers is not installed (npm --prefix bench/peers ci): no ZenStack rows');
    rows.push(...presenceRows(await runBench('presence.ts', [], { BENCH_SIZES: quick ? '1000' : '200,500,1000' })));
  } finally {
    cleanup();
  }
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  console.log(
    `\nTenantry benches (${quick ? 'quick' : 'full'} run, ${minutes} min, node ${process.version}, ${process.platform}) — ratios from this one run; context figures are this machine's\n`,
  );
  console.log(formatTable(rows));
  const missed = rows.filter((r) => r.ok === false);
  console.log(
    `\n${rows.filter((r) => r.ok !== null).length - missed.length} targets met, ${missed.length} missed${missed.length ? `: ${missed.map((r) => r.measurement).join('; ')}` : ''}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
