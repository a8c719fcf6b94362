import 'server-only';
import { forTenant } from '@/lib/db';
import { logger } from '@/lib/log/logger';
import { queueNotice } from '@/lib/mail/notice';

/**
 * Tells a tenant's owners that its subscription is past due and when the grace period ends.
 * Called once per transition into past_due, after the webhook's transaction committed; one mail
 * per owner through the queue, keyed by the tenant and the grace date, so a replayed transition
 * mails nobody twice. Test: tests/mail/notices.test.ts.
 */
export async function notifyOwnersPastDue(
  tenantId: string,
  { graceUntil }: { graceUntil: Date | null },
): Promise<void> {
  const [tenant, owners] = await Promise.all([
    forTenant(tenantId).tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true } }),
    forTenant(tenantId).membership.findMany({
      where: { role: 'OWNER' },
      select: { user: { select: { id: true, email: true } } },
    }),
  ]);
  const until = graceUntil?.toISOString() ?? 'none';
  await queueNotice(
    `past-due:${tenantId}:${until}`,
    owners.map((o) => o.user),
    {
      subject: `Payment for ${tenant.name} is past due`,
      lines: [
        `The last payment for ${tenant.name} did not go through.`,
        graceUntil
          ? `Everything keeps working until ${graceUntil.toISOString().slice(0, 10)}; update the payment method before then.`
          : 'Update the payment method to keep the workspace running.',
        'You receive this because you are an owner of this workspace.',
      ],
      path: '/login',
      label: 'Sign in to update billing',
    },
  );
  logger.info({ area: 'billing', tenantId, owners: owners.length, graceUntil: until }, 'past-due notices queued');
}
