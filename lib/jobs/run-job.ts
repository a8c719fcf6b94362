import { withTenant } from '@/lib/db';
import { withNoTenant } from '@/lib/db/context';
import { isTenantActive } from '@/lib/lifecycle/status';
import { jobDefinition } from './registry';
import type { RelayedJob } from './relay';

/**
 * Runs one job from the queue. The tenant comes from the outbox row the relay wrote (which RLS
 * and the tenant extension made the enqueuing tenant's own), never from the payload: a tenant job
 * runs inside `withTenant(tenantId)`, a platform job with no tenant at all (tenant-owned models
 * fail closed). A job whose kind and tenant disagree is refused, so it fails into the dead letters.
 *
 * A suspended tenant's jobs are held, not run: suspension means no work for that tenant happens,
 * in the background either. The attempt throws, so pg-boss retries it with backoff (visible in
 * `npm run jobs`); once the retries are used up it waits in the dead letters until an operator
 * retries it after unsuspending. A purged tenant's leftover jobs end there too, and are dropped.
 * Test: tests/jobs/held-jobs.test.ts.
 */
export class TenantSuspendedError extends Error {
  constructor(name: string, tenantId: string) {
    super(
      `Job ${name} held: tenant ${tenantId} is suspended or gone (retried with backoff; retry from the dead letters once unsuspended)`,
    );
    this.name = 'TenantSuspendedError';
  }
}

export async function runJob(name: string, id: string, data: RelayedJob, attempt: number): Promise<void> {
  const definition = jobDefinition(name);
  if (!definition) throw new Error(`No job named ${name} is defined in this worker`);
  const context = { jobId: id, tenantId: data.tenantId, attempt };
  if (definition.tenant) {
    if (!data.tenantId) throw new Error(`Job ${name} needs a tenant`);
    if (!(await isTenantActive(data.tenantId))) throw new TenantSuspendedError(name, data.tenantId);
    await withTenant(data.tenantId, () => definition.handler(data.payload, context));
    return;
  }
  if (data.tenantId) throw new Error(`Job ${name} is a platform job and cannot carry a tenant`);
  await withNoTenant(() => definition.handler(data.payload, context));
}
