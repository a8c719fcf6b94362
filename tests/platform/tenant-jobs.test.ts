import '../jobs/probe-jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoss } from '@/lib/jobs/boss';
import { enqueue } from '@/lib/jobs/enqueue';
import { tenantJobs } from '@/lib/jobs/tenant-jobs';
import { type RunningWorker, startWorker } from '@/lib/jobs/worker';
import { suspendTenant } from '@/lib/lifecycle/status';
import { loadTenantDetail } from '@/lib/platform/tenants';
import { seededDbForSuite, tenantId } from '../accounts/scratch';
import { until } from '../fixtures/until';

/**
 * The operator console's jobs panel reads pg-boss's real table in the configured JOBS_SCHEMA (not
 * a guessed `pgboss`), matches the relayed data shape `{ tenantId, payload }`, and shows one
 * tenant's queued and failed jobs — none of another tenant's, and no dead-letter duplicates.
 */
const database = seededDbForSuite();
let worker: RunningWorker;
const SCHEMA = 'wire_jobs_panel';
let previous: string | undefined;

beforeAll(async () => {
  previous = process.env.JOBS_SCHEMA;
  process.env.JOBS_SCHEMA = SCHEMA;
  worker = await startWorker({ boss: createBoss(database().url), relayIntervalMs: 100 });
});
afterAll(async () => {
  await worker?.stop();
  if (previous === undefined) delete process.env.JOBS_SCHEMA;
  else process.env.JOBS_SCHEMA = previous;
});

describe('the console’s jobs panel', () => {
  it('shows the tenant’s queued and failed jobs from JOBS_SCHEMA, and nothing of the other tenant', async () => {
    const [acme, globex] = [await tenantId('acme'), await tenantId('globex')];
    // Held jobs of a suspended tenant: one waiting for a retry, one failed after its only retry.
    await suspendTenant(acme, 'jobs panel test');
    await enqueue(acme, 'test-held', { label: 'panel-queued' });
    await enqueue(acme, 'test-held-once', { label: 'panel-failed' });
    await enqueue(globex, 'test-count', { label: 'panel-globex' });

    const jobs = await until(async () => {
      const found = await tenantJobs(acme);
      return found?.failed.some((j) => j.name === 'test-held-once') ? found : undefined;
    }, 60_000);
    const states = Object.fromEntries(jobs.counts.map((c) => [`${c.name}:${c.state}`, c.count]));
    expect(states['test-held-once:failed']).toBe(1);
    expect(['created', 'retry', 'active'].some((state) => (states[`test-held:${state}`] ?? 0) === 1)).toBe(true);
    expect(jobs.counts.every((c) => c.name.startsWith('test-held'))).toBe(true); // no dead-letter copy
    expect(jobs.failed).toHaveLength(1);
    expect(jobs.failed[0]?.error).toContain('suspended');

    const detail = await loadTenantDetail(acme);
    expect(detail?.jobs?.failed.map((j) => j.id)).toEqual(jobs.failed.map((j) => j.id));

    // globex's one job completed: nothing queued or failed, and none of acme's shows up.
    // (once its own job left the queue: the only thing that may show for globex is globex's job)
    const other = await until(async () => {
      const found = await tenantJobs(globex);
      return found?.counts.every((c) => c.name !== 'test-count') ? found : undefined;
    });
    expect(other).toEqual({ counts: [], failed: [] });
  });

  it('says there is no queue when JOBS_SCHEMA has no job table', async () => {
    process.env.JOBS_SCHEMA = 'wire_no_such_schema';
    try {
      expect(await tenantJobs(await tenantId('acme'))).toBeNull();
    } finally {
      process.env.JOBS_SCHEMA = SCHEMA;
    }
  });
});
