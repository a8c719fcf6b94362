import { withTenant } from '@/lib/db';
import { withNoTenant } from '@/lib/db/context';
import { jobDefinition } from './registry';
import type { RelayedJob } from './relay';

/**
 * Runs one job from the queue. The tenant comes from the outbox row the relay wrote (which RLS
 * and the tenant extension made the enqueuing tenant's own), never from the payload: a tenant job
 * runs inside `withTenant(tenantId)`, a platform job with no tenant at all (tenant-owned models
 * fail closed). A job whose kind and tenant disagree is refused, so it fails into the dead letters.
 */
export async function runJob(name: string, id: string, data: RelayedJob, attempt: number): Promise<void> {
  const definition = jobDefinition(name);
  if (!definition) throw new Error(`No job named ${name} is defined in this worker`);
  const context = { jobId: id, tenantId: data.tenantId, attempt };
  if (definition.tenant) {
    if (!data.tenantId) throw new Error(`Job ${name} needs a tenant`);
    await withTenant(data.tenantId, () => definition.handler(data.payload, context));
    return;
  }
  if (data.tenantId) throw new Error(`Job ${name} is a platform job and cannot carry a tenant`);
  await withNoTenant(() => definition.handler(data.payload, context));
}
