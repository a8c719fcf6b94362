import './probe-jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { listFailedJobs, retryFailedJob } from '@/lib/jobs/admin';
import { createBoss } from '@/lib/jobs/boss';
import { enqueue } from '@/lib/jobs/enqueue';
import { type RunningWorker, startWorker } from '@/lib/jobs/worker';
import { suspendTenant, unsuspendTenant } from '@/lib/lifecycle/status';
import { seededDbForSuite, tenantId } from '../accounts/scratch';
import { attempts } from './probe-jobs';
import { until } from '../fixtures/until';

/**
 * A suspended tenant's jobs are held: the runner refuses them before the handler runs, pg-boss
 * retries them with backoff, and once the tenant is unsuspended they run — on a later retry, or
 * after an operator retries them from the dead letters. The other tenant's jobs are not held.
 */
const database = seededDbForSuite();
let worker: RunningWorker;

beforeAll(async () => {
  worker = await startWorker({ boss: createBoss(database().url), relayIntervalMs: 100 });
});
afterAll(() => worker?.stop());

type JobRow = { state: string; retry_count: number; output: unknown };
async function jobOf(name: string, label: string): Promise<JobRow | undefined> {
  const { rows } = (await worker.boss
    .getDb()
    .executeSql(
      `SELECT state::text AS state, retry_count, output FROM ${env.JOBS_SCHEMA}.job WHERE name = $1 AND data->'payload'->>'label' = $2`,
      [name, label],
    )) as { rows: JobRow[] };
  return rows[0];
}

describe('jobs of a suspended tenant are held', () => {
  it('a held job does not run its handler, is retried, and runs once the tenant is unsuspended', async () => {
    const [acme, globex] = [await tenantId('acme'), await tenantId('globex')];
    expect(await suspendTenant(acme, 'held-jobs test')).toBe(true);
    await enqueue(acme, 'test-held', { label: 'held' });
    await enqueue(globex, 'test-held', { label: 'not-held' });

    // The other tenant's job runs; acme's is refused and waiting for its next retry.
    await until(() => attempts.get('not-held'));
    const waiting = await until(async () => {
      const job = await jobOf('test-held', 'held');
      return job && job.retry_count >= 1 ? job : undefined;
    });
    expect(waiting.state).toMatch(/retry|active|created/);
    expect(JSON.stringify(waiting.output)).toContain('suspended');
    expect(attempts.get('held')).toBeUndefined();

    expect(await unsuspendTenant(acme)).toBe(true);
    await until(() => attempts.get('held'), 60_000);
    expect(attempts.get('held')).toBe(1);
    // The handler has run; pg-boss marks the job completed just after it returns.
    const done = await until(async () => {
      const job = await jobOf('test-held', 'held');
      return job?.state === 'completed' ? job : undefined;
    });
    expect(done.state).toBe('completed');
  });

  it('a job held past its retries waits in the dead letters and runs when the operator retries it', async () => {
    const acme = await tenantId('acme');
    expect(await suspendTenant(acme, 'held-jobs test')).toBe(true);
    await enqueue(acme, 'test-held-once', { label: 'dead' });
    const failed = await until(
      async () => (await listFailedJobs(worker.boss)).find((j) => j.name === 'test-held-once'),
      60_000,
    );
    expect(failed.error).toContain('suspended');
    expect(failed.tenantId).toBe(acme);
    expect(attempts.get('dead')).toBeUndefined();

    expect(await unsuspendTenant(acme)).toBe(true);
    expect(await retryFailedJob(worker.boss, failed.id)).toBe(true);
    await until(() => attempts.get('dead'), 60_000);
    expect(attempts.get('dead')).toBe(1);
  });
});
