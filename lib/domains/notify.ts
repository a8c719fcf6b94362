import { logger } from '@/lib/log/base';

/**
 * The ONE place a domain's status change reaches its owners. There is no mailer or job queue in
 * this tree yet, so the event is logged; connecting the owners' email goes here and nowhere else.
 */
export type DomainEvent = { tenantId: string; hostname: string; status: 'verified' | 'failed' };

export async function notifyDomainStatus(event: DomainEvent): Promise<void> {
  logger.info({ event: 'domain.status', ...event }, `custom domain ${event.hostname} is ${event.status}`);
}
