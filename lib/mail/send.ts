import type { ScopedClient, TenantRef } from '@/lib/db';
import { enqueue, enqueuePlatform } from '@/lib/jobs/enqueue';
import { PLATFORM_MAIL_JOB, type PlatformMail, TENANT_MAIL_JOB, type TenantMail } from './jobs';

/**
 * Queues a mail (never sends inline): pass the transaction client so the mail commits with the row
 * that caused it. The event key is the idempotency key of both the job and the delivery.
 */
export function queueTenantMail(
  tenant: TenantRef,
  mail: TenantMail,
  client?: Pick<ScopedClient, 'jobOutbox'>,
): Promise<void> {
  return enqueue(tenant, TENANT_MAIL_JOB, mail, { key: mail.eventKey, client });
}

export function queuePlatformMail(mail: PlatformMail, client?: Pick<ScopedClient, 'platformJobOutbox'>): Promise<void> {
  return enqueuePlatform(PLATFORM_MAIL_JOB, mail, { key: mail.eventKey, client });
}
