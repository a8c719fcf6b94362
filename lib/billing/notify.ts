import 'server-only';
import { forTenant } from '@/lib/db';
import { logger } from '@/lib/log/logger';

/**
 * Tells a tenant's owners that its subscription is past due and when the grace period ends.
 * Called once per transition into past_due, after the webhook's transaction committed. This is
 * where the mail queue plugs in: today the message goes to the log, with the owners' addresses.
 */
export async function notifyOwnersPastDue(
  tenantId: string,
  { graceUntil }: { graceUntil: Date | null },
): Promise<void> {
  const owners = await forTenant(tenantId).membership.findMany({
    where: { role: 'OWNER' },
    select: { user: { select: { email: true } } },
  });
  logger.warn(
    {
      area: 'billing',
      tenantId,
      to: owners.map((o) => o.user.email),
      graceUntil: graceUntil?.toISOString() ?? null,
    },
    'subscription past due: owners notified',
  );
}
