import { forTenant } from '@/lib/db';
import { displayHostname } from '@/lib/domains/hostname';
import { logger } from '@/lib/log/base';
import { queueNotice } from '@/lib/mail/notice';

/**
 * The ONE place a domain's status change reaches its owners: one `notice` mail per owner through
 * the queue (lib/mail/notice.ts), keyed by the tenant, the host, the status and the check's time,
 * so a repeated sweep mails nobody twice for the same transition. No `server-only`: the sweep's
 * CLI (scripts/domains.ts) runs it under plain Node. Test: tests/domains/domains.test.ts.
 */
export type DomainEvent = { tenantId: string; hostname: string; status: 'verified' | 'failed'; at: Date };

export async function notifyDomainStatus(event: DomainEvent): Promise<void> {
  const scoped = forTenant(event.tenantId);
  const [tenant, owners] = await Promise.all([
    scoped.tenant.findUniqueOrThrow({ where: { id: event.tenantId }, select: { name: true } }),
    scoped.membership.findMany({ where: { role: 'OWNER' }, select: { user: { select: { id: true, email: true } } } }),
  ]);
  const host = displayHostname(event.hostname);
  const verified = event.status === 'verified';
  await queueNotice(
    `domain-${event.status}:${event.tenantId}:${event.hostname}:${event.at.toISOString()}`,
    owners.map((o) => o.user),
    {
      subject: verified ? `${host} now serves ${tenant.name}` : `${host} stopped serving ${tenant.name}`,
      lines: verified
        ? [`The DNS record for ${host} checked out: the domain now opens ${tenant.name}.`]
        : [
            `The TXT record proving ${host} has been missing for too long, so the domain no longer opens ${tenant.name}.`,
            'Restore the record shown on Settings → Custom domains, then press Verify now.',
          ],
      path: '/login',
      label: 'Sign in to manage domains',
    },
  );
  logger.info(
    { area: 'domains', ...event, owners: owners.length },
    `custom domain ${event.hostname} is ${event.status}`,
  );
}
