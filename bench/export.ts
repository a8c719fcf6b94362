// npm run bench:export — the tenant export (lib/lifecycle/export.ts) on a tenant with 100k rows:
// rows/s, archive size and peak memory, next to a naive export that loads every row and zips in
// memory, measured in the same run on the same scratch database (ratios, not absolute claims).
// Another tenant's 10k rows sit in the same tables, as in production. LEVEL=0..9 sets the deflate level (6).
import { zipSync } from 'fflate';
import pg from 'pg';
import { disconnectDb } from '@/lib/db';
import { exportTenant } from '@/lib/lifecycle/export';
import { createIsolationDb } from '@/tests/isolation/isolation-db';

const QUICK = process.argv.includes('--quick');
const ROWS = QUICK ? 20_000 : 100_000;
const LEVEL = Number(process.env.LEVEL ?? 6) as 0 | 1 | 6 | 9;

type Peak = { stop: () => { heapMb: number; rssMb: number } };

/** Samples heap and RSS every 20 ms; returns the peaks above the baseline taken at the start. */
function watchMemory(): Peak {
  global.gc?.();
  const base = process.memoryUsage();
  let heap = 0;
  let rss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed - base.heapUsed);
    rss = Math.max(rss, m.rss - base.rss);
  };
  const timer = setInterval(sample, 20);
  return {
    stop: () => {
      sample();
      clearInterval(timer);
      return { heapMb: heap / 2 ** 20, rssMb: rss / 2 ** 20 };
    },
  };
}

async function main(): Promise<void> {
  const database = await createIsolationDb();
  process.env.DATABASE_URL = database.url;
  const owner = new pg.Pool({ connectionString: database.url, max: 2 });
  try {
    const tenant = (
      await owner.query(`insert into "Tenant" (id, slug, name, "updatedAt") values ('bench-a', 'bench-a', 'A', now()),
        ('bench-b', 'bench-b', 'B', now()) returning id`)
    ).rows[0].id as string;
    const items = Math.round(ROWS * 0.7);
    await owner.query(
      `insert into "Item" (id, "tenantId", name) select 'i-' || lpad(g::text, 7, '0'), 'bench-a', 'Item number ' || g
       from generate_series(1, ${items}) g`,
    );
    await owner.query(
      `insert into "Document" (id, "tenantId", title, body) select 'd-' || lpad(g::text, 7, '0'), 'bench-a',
       'Document ' || g, repeat('lorem ipsum ', 8) from generate_series(1, ${ROWS - items}) g`,
    );
    await owner.query(
      `insert into "Item" (id, "tenantId", name) select 'b-' || g, 'bench-b', 'Other ' || g from generate_series(1, 10000) g`,
    );

    // Warm-up (connections, JIT), then the streamed export.
    for await (const _ of exportTenant(tenant, { pageSize: 500 })) void _;
    let memory = watchMemory();
    let start = performance.now();
    let bytes = 0;
    for await (const chunk of exportTenant(tenant, { level: LEVEL })) bytes += chunk.byteLength;
    const streamedS = (performance.now() - start) / 1000;
    const streamedMem = memory.stop();

    // The naive way: every row in memory, then one zipSync.
    memory = watchMemory();
    start = performance.now();
    const files: Record<string, Uint8Array> = {};
    for (const table of ['Item', 'Document']) {
      const { rows } = await owner.query(`select to_jsonb(r)::text as j from "${table}" r where "tenantId" = $1`, [
        tenant,
      ]);
      files[`${table}.ndjson`] = new TextEncoder().encode(rows.map((r: { j: string }) => r.j).join('\n'));
    }
    const naiveBytes = zipSync(files).byteLength;
    const naiveS = (performance.now() - start) / 1000;
    const naiveMem = memory.stop();

    const line = (name: string, s: number, size: number, m: { heapMb: number; rssMb: number }) =>
      `${name.padEnd(22)} ${String(Math.round(ROWS / s)).padStart(8)} rows/s  ${(size / 2 ** 20).toFixed(1).padStart(6)} MB zip  peak +${m.heapMb.toFixed(0)} MB heap, +${m.rssMb.toFixed(0)} MB rss`;
    console.log(
      `tenant export, ${ROWS} rows (${items} items, ${ROWS - items} documents), another tenant's 10k beside them`,
    );
    console.log(line('streamed (pages 2000)', streamedS, bytes, streamedMem));
    console.log(line('naive (all in memory)', naiveS, naiveBytes, naiveMem));
    console.log(
      `ratios streamed/naive: throughput ${(naiveS / streamedS).toFixed(2)}x, peak heap ${(streamedMem.heapMb / Math.max(naiveMem.heapMb, 0.1)).toFixed(2)}x`,
    );
  } finally {
    await owner.end();
    await disconnectDb();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
