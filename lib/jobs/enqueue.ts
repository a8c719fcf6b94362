import { randomUUID } from 'node:crypto';
import { db, forTenant, type ScopedClient, type TenantRef } from '@/lib/db';
import { tenantIdOf } from '@/lib/db/context';

/**
 * The transactional outbox. A job is a row written with the same client as the business row —
 * pass the transaction client (`tx`) and both commit together or not at all; the relay
 * (./relay.ts) hands committed rows to pg-boss. `key` is the idempotency key: enqueueing the same
 * (tenant, key) twice keeps one job.
 */
export type JobPayload = Record<string, unknown>;
type OutboxClient = Pick<ScopedClient, 'jobOutbox'>;
type PlatformOutboxClient = Pick<ScopedClient, 'platformJobOutbox'>;
export type EnqueueOptions<C> = { key?: string; client?: C };

export async function enqueue(
  tenant: TenantRef,
  name: string,
  payload: JobPayload,
  options: EnqueueOptions<OutboxClient> = {},
): Promise<void> {
  const tenantId = tenantIdOf(tenant);
  if (!tenantId) throw new TypeError('enqueue needs a tenant');
  const client = options.client ?? forTenant(tenantId);
  const key = options.key ?? randomUUID();
  // A repeated key is the same job: the unique (tenantId, key) makes the second insert a no-op.
  await client.jobOutbox.upsert({
    where: { tenantId_key: { tenantId, key } },
    create: { tenantId, name, key, payload: payload as object },
    update: {},
    select: { id: true },
  });
}

/** A job that belongs to no tenant (sign-up verification, password reset, magic links). */
export async function enqueuePlatform(
  name: string,
  payload: JobPayload,
  options: EnqueueOptions<PlatformOutboxClient> = {},
): Promise<void> {
  const client = options.client ?? db;
  const key = options.key ?? randomUUID();
  await client.platformJobOutbox.upsert({
    where: { key },
    create: { name, key, payload: payload as object },
    update: {},
    select: { id: true },
  });
}
