import './probe-jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forTenant, withoutTenant } from '@/lib/db';
import { listFailedJobs, retryFailedJob } from '@/lib/jobs/admin';
import { createBoss } from '@/lib/jobs/boss';
import { enqueue, enqueuePlatform } from '@/lib/jobs/enqueue';
import { type RunningWorker, startWorker } from '@/lib/jobs/worker';
import { seededDbForSuite, tenantId } from '../accounts/scratch';
import { attempts, reports } from './probe-jobs';
import { until } from '../fixtures/until';

/**
 * The tenant-aware queue against real PostgreSQL and a real pg-boss worker: isolation of a job's
 * tenant (a job naming another tenant's ids), retries with backoff, dead letters an operator can
 * list and retry, idempotency keys, and the outbox committing with the business row or not at all.
 */
const database = seededDbForSuite();
let worker: RunningWorker;

beforeAll(async () => {
  worker = await startWorker({ boss: createBoss(database().url), relayIntervalMs: 100 });
});
afterAll(() => worker?.stop());

describe('a tenant job runs inside its own tenant only', () => {
  it('an acme job whose payload names globex ids can neither read nor write them', async () => {
    const [acme, globex] = [await tenantId('acme'), await tenantId('globex')];
    const target = await withoutTenant((c) =>
      c.item.findFirstOrThrow({ where: { tenantId: globex }, select: { id: true, name: true } }),
    );
    await enqueue(acme, 'test-probe', { label: 'cross', itemId: target.id, otherTenantId: globex });
    const report = await until(() => reports.get('cross'));

    expect(report.tenant).toBe(acme);
    expect(report.readById).toBeNull();
    expect(report.readByTenantId).toBe(0);
    expect(report.updateManyCount).toBe(0);
    expect(report.updateThrew).toBe(true);
    expect(report.deleteManyCount).toBe(0);
    // A create naming globex is refused or lands in acme — never in globex.
    expect(report.createdTenantId === null || report.createdTenantId === acme).toBe(true);

    const after = await withoutTenant((c) => c.item.findUniqueOrThrow({ where: { id: target.id } }));
    expect(after).toMatchObject({ tenantId: globex, name: target.name });
    expect(await withoutTenant((c) => c.item.count({ where: { tenantId: globex, name: 'planted-cross' } }))).toBe(0);
  });

  it('a payload cannot choose the tenant: the outbox row’s tenant is the one the job runs in', async () => {
    const [acme, globex] = [await tenantId('acme'), await tenantId('globex')];
    const target = await withoutTenant((c) => c.item.findFirstOrThrow({ where: { tenantId: globex } }));
    await enqueue(acme, 'test-probe', { label: 'claims', itemId: target.id, otherTenantId: globex, tenantId: globex });
    expect((await until(() => reports.get('claims'))).tenant).toBe(acme);
  });
});

describe('retries, dead letters, idempotency', () => {
  it('a failing job is retried with backoff until it succeeds', async () => {
    await enqueue(await tenantId('acme'), 'test-flaky', { label: 'flaky', failures: 2 });
    await until(() => ((attempts.get('flaky') ?? 0) >= 3 ? true : undefined), 60_000);
    expect(attempts.get('flaky')).toBe(3);
  });

  it('a job that keeps failing ends up failed, listed for the operator, and can be retried', async () => {
    await enqueuePlatform('test-doomed', { label: 'doomed' });
    const failed = await until(async () => {
      const jobs = await listFailedJobs(worker.boss);
      return jobs.find((job) => job.name === 'test-doomed');
    }, 60_000);
    expect(failed.error).toContain('doomed');
    expect(attempts.get('doomed')).toBe(2); // the first attempt and one retry

    expect(await retryFailedJob(worker.boss, failed.id)).toBe(true);
    await until(() => ((attempts.get('doomed') ?? 0) >= 3 ? true : undefined), 60_000);
  });

  it('the same idempotency key enqueued twice runs once', async () => {
    const acme = await tenantId('acme');
    await enqueue(acme, 'test-count', { label: 'once' }, { key: 'same-key' });
    await enqueue(acme, 'test-count', { label: 'once' }, { key: 'same-key' });
    await enqueue(acme, 'test-count', { label: 'marker' });
    await until(() => attempts.get('marker'));
    await until(() => attempts.get('once'));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(attempts.get('once')).toBe(1);
  });

  it('a job enqueued in a transaction that rolls back never runs', async () => {
    const acme = await tenantId('acme');
    const scoped = forTenant(acme);
    await expect(
      scoped.$transaction(async (tx) => {
        await tx.item.create({ data: { tenantId: acme, name: 'rolled back item' } });
        await enqueue(acme, 'test-count', { label: 'rolled-back' }, { client: tx });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await enqueue(acme, 'test-count', { label: 'after-rollback' });
    await until(() => attempts.get('after-rollback'));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(attempts.get('rolled-back')).toBeUndefined();
    expect(
      await withoutTenant((c) => c.jobOutbox.count({ where: { payload: { path: ['label'], equals: 'rolled-back' } } })),
    ).toBe(0);
  });
});
