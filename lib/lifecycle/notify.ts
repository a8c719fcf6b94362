/**
 * Every email of the tenant lifecycle, in one file: deletion scheduled, restored, purged, ownership
 * transferred. Each is one `notice` platform mail per recipient through the queue (lib/mail/notice.ts)
 * — a platform mail because the tenant is usually suspended here, and the runner holds a suspended
 * tenant's tenant jobs. The purge only logs: the owners are gone with the memberships.
 * Test: tests/mail/notices.test.ts.
 */
import { logger } from '@/lib/log/base';
import { queueNotice } from '@/lib/mail/notice';
import { ownerQuery } from './sql';

type Owner = { id: string; email: string };

async function owners(tenantId: string): Promise<Owner[]> {
  return ownerQuery<Owner>(
    `SELECT u."id", u."email" FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
     WHERE m."tenantId" = $1 AND m."role" = 'OWNER' ORDER BY u."email"`,
    tenantId,
  );
}

const day = (date: Date) => date.toISOString().slice(0, 10);

export async function notifyDeletionScheduled(t: { tenantId: string; slug: string; purgeAfter: Date }): Promise<void> {
  await queueNotice(`deletion:${t.tenantId}:${t.purgeAfter.toISOString()}`, await owners(t.tenantId), {
    subject: `Workspace ${t.slug} is scheduled for deletion`,
    lines: [
      `The workspace ${t.slug} was suspended and will be deleted permanently on ${day(t.purgeAfter)}.`,
      'Until then an owner can restore it from its settings page, and export its data.',
      'If you did not expect this, sign in and restore it now.',
    ],
    path: '/login',
    label: 'Sign in',
  });
}

export async function notifyDeletionCancelled(t: { tenantId: string; slug: string; at?: Date }): Promise<void> {
  const at = (t.at ?? new Date()).toISOString();
  await queueNotice(`deletion-cancelled:${t.tenantId}:${at}`, await owners(t.tenantId), {
    subject: `Workspace ${t.slug} was restored`,
    lines: [`The scheduled deletion of ${t.slug} was cancelled; the workspace is active again.`],
    path: '/login',
    label: 'Sign in',
  });
}

/** Called after the purge: the owners are gone with the memberships, so this only records the fact. */
export async function notifyTenantPurged(t: { tenantId: string; slug: string }): Promise<void> {
  logger.info({ area: 'lifecycle-mail', kind: 'tenant.purged', tenantId: t.tenantId, slug: t.slug }, 'tenant purged');
}

export async function notifyOwnershipTransferred(t: {
  tenantId: string;
  slug: string;
  from: Owner;
  to: Owner;
  at?: Date;
}): Promise<void> {
  const at = (t.at ?? new Date()).toISOString();
  await queueNotice(`ownership:${t.tenantId}:${t.to.id}:${at}`, [t.from, t.to], {
    subject: `Ownership of ${t.slug} changed`,
    lines: [`${t.from.email} made ${t.to.email} an owner of the workspace ${t.slug}.`],
    path: '/login',
    label: 'Sign in',
  });
}
