import '@/lib/jobs/catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutTenant } from '@/lib/db';
import { env } from '@/lib/env';
import { createBoss } from '@/lib/jobs/boss';
import type { RelayedJob } from '@/lib/jobs/relay';
import { type RunningWorker, startWorker } from '@/lib/jobs/worker';
import { DOMAINS_VERIFY_JOB } from '@/lib/domains/jobs';
import { AUDIT_RETENTION_JOB, PURGE_DUE_JOB } from '@/lib/lifecycle/jobs';
import { scheduleDeletion } from '@/lib/lifecycle/status';
import { seededDbForSuite, tenantId } from '../accounts/scratch';
import { until } from '../fixtures/until';

/**
 * The lifecycle's recurring jobs: starting a worker writes both schedules into pg-boss's schedule
 * table (hourly purge check, daily retention), and the job pg-boss sends on a tick purges a tenant
 * whose grace period is over — and no other.
 */
const database = seededDbForSuite();
let worker: RunningWorker;

beforeAll(async () => {
  worker = await startWorker({ boss: createBoss(database().url), relayIntervalMs: 100 });
});
afterAll(() => worker?.stop());

describe('recurring lifecycle jobs', () => {
  it('starting a worker schedules the hourly purge check and the daily audit retention', async () => {
    const { rows } = (await worker.boss
      .getDb()
      .executeSql(`SELECT name, cron, timezone, data FROM ${env.JOBS_SCHEMA}.schedule ORDER BY name`, [])) as {
      rows: Array<{ name: string; cron: string; timezone: string | null; data: unknown }>;
    };
    expect(rows.map((r) => [r.name, r.cron])).toEqual([
      [AUDIT_RETENTION_JOB, '30 3 * * *'],
      [DOMAINS_VERIFY_JOB, '20 */6 * * *'],
      [PURGE_DUE_JOB, '0 * * * *'],
    ]);
    for (const row of rows) expect(row.data).toEqual({ tenantId: null, payload: {} });

    // A second worker start changes nothing (the schedule is an upsert per name).
    const again = await startWorker({ boss: createBoss(database().url), relayIntervalMs: 100 });
    await again.stop();
    expect((await worker.boss.getSchedules()).map((s) => s.name).sort()).toEqual([
      AUDIT_RETENTION_JOB,
      DOMAINS_VERIFY_JOB,
      PURGE_DUE_JOB,
    ]);
  });

  it('the scheduled purge job purges a tenant whose grace period is over, and no other', async () => {
    const [acme, globex] = [await tenantId('acme'), await tenantId('globex')];
    const past = new Date(Date.now() - 2 * 86_400_000);
    expect(await scheduleDeletion(globex, { now: past, graceDays: 1 })).not.toBeNull();
    expect(await scheduleDeletion(acme, { graceDays: 30 })).not.toBeNull();

    // What pg-boss sends on a tick: the schedule's data, on the job's queue.
    await worker.boss.send(PURGE_DUE_JOB, { tenantId: null, payload: {} } satisfies RelayedJob);
    await until(async () =>
      (await withoutTenant((c) => c.tenant.count({ where: { id: globex } }))) === 0 ? true : undefined,
    );
    expect(await withoutTenant((c) => c.tenant.count({ where: { id: acme } }))).toBe(1);
    expect(await withoutTenant((c) => c.membership.count({ where: { tenantId: acme } }))).toBeGreaterThan(0);
    expect(await withoutTenant((c) => c.membership.count({ where: { tenantId: globex } }))).toBe(0);
  });
});
