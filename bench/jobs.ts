/**
 * Jobs benchmark: `npm run bench:jobs` (BENCH_JOBS=N, default 1000; `--quick` 300).
 *
 * The same no-op job, N times, on one scratch database, two ways, in this one run:
 * - plain pg-boss: `boss.send` per job, one `boss.work` subscription;
 * - Tenantry's wrapper: `enqueue(tenant, …)` writes the outbox row (as a business transaction
 *   would), the relay moves it to the same pg-boss queue, and the worker runs it inside
 *   `withTenant`.
 * Both measure from the first enqueue until the last job finished, and print jobs/s and the
 * ratio wrapper / plain. No assertions.
 */
import { performance } from 'node:perf_hooks';
import { createScratchDb } from '@/tests/fixtures/scratch-db';
import { flags, log } from './lib/report';

const N = Number(process.env.BENCH_JOBS ?? (flags.quick ? 300 : 1000));
const BATCH = 4; // the worker's default concurrency

async function main(): Promise<void> {
  const database = await createScratchDb({ seed: true });
  process.env.DATABASE_URL = database.url;
  const { disconnectDb, withoutTenant } = await import('@/lib/db');
  const { createBoss } = await import('@/lib/jobs/boss');
  const { enqueue } = await import('@/lib/jobs/enqueue');
  const { defineJob } = await import('@/lib/jobs/registry');
  const { startWorker } = await import('@/lib/jobs/worker');
  try {
    const tenant = await withoutTenant((c) => c.tenant.findFirstOrThrow({ select: { id: true } }));

    // 1. Plain pg-boss.
    const plain = createBoss(database.url);
    await plain.start();
    await plain.createQueue('bench-plain', { name: 'bench-plain' });
    let plainDone = 0;
    let plainFinished: () => void = () => undefined;
    const plainAll = new Promise<void>((resolve) => {
      plainFinished = resolve;
    });
    // The same fetch policy as lib/jobs/worker.ts: batches of BATCH, woken at once while batches are full.
    let plainWorker = '';
    plainWorker = await plain.work('bench-plain', { batchSize: BATCH, pollingIntervalSeconds: 0.5 }, async (jobs) => {
      plainDone += jobs.length;
      if (plainDone >= N) plainFinished();
      if (jobs.length === BATCH) plain.notifyWorker(plainWorker);
    });
    const t0 = performance.now();
    for (let i = 0; i < N; i++) await plain.send('bench-plain', { i });
    plain.notifyWorker(plainWorker);
    await plainAll;
    const plainSeconds = (performance.now() - t0) / 1000;
    await plain.stop({ graceful: false, wait: true });

    // 2. Through the tenant-aware wrapper (outbox → relay → withTenant).
    let wrappedDone = 0;
    let wrappedFinished: () => void = () => undefined;
    const wrappedAll = new Promise<void>((resolve) => {
      wrappedFinished = resolve;
    });
    defineJob({
      name: 'bench-wrapped',
      tenant: true,
      async handler() {
        wrappedDone += 1;
        if (wrappedDone === N) wrappedFinished();
      },
    });
    const worker = await startWorker({ boss: createBoss(database.url), relayIntervalMs: 100, concurrency: BATCH });
    const t1 = performance.now();
    for (let i = 0; i < N; i++) await enqueue(tenant.id, 'bench-wrapped', { i });
    await wrappedAll;
    const wrappedSeconds = (performance.now() - t1) / 1000;
    await worker.stop();

    const plainRate = N / plainSeconds;
    const wrappedRate = N / wrappedSeconds;
    const ratio = wrappedRate / plainRate;
    log(`jobs: ${N} no-op jobs, one worker, one subscription each, batches of ${BATCH}`);
    log(`  plain pg-boss      ${plainRate.toFixed(1)} jobs/s`);
    log(`  enqueue(tenant, …) ${wrappedRate.toFixed(1)} jobs/s (outbox + relay + withTenant)`);
    log(`  ratio wrapper/plain ${ratio.toFixed(2)}`);
    if (flags.json) console.log(JSON.stringify({ jobs: N, plainRate, wrappedRate, ratio }));
  } finally {
    await disconnectDb();
    await database.drop();
  }
}

await main();
