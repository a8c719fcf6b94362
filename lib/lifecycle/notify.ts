/**
 * Every email of the tenant lifecycle, in one file: deletion scheduled, restored, purged, ownership
 * transferred. Today each one is a log line (lib/log) naming its recipients; connecting them to the
 * mail queue means changing only this file. Nothing here pretends to have sent anything.
 */
import { logger } from '@/lib/log/base';
import { ownerQuery } from './sql';

async function ownerEmails(tenantId: string): Promise<string[]> {
  const rows = await ownerQuery<{ email: string }>(
    `SELECT u."email" FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
     WHERE m."tenantId" = $1 AND m."role" = 'OWNER' ORDER BY u."email"`,
    tenantId,
  );
  return rows.map((r) => r.email);
}

function queue(kind: string, to: string[], data: Record<string, unknown>): void {
  logger.info({ area: 'lifecycle-mail', kind, to, ...data }, 'lifecycle email (not sent: no mail queue connected)');
}

export async function notifyDeletionScheduled(t: { tenantId: string; slug: string; purgeAfter: Date }): Promise<void> {
  queue('tenant.deletion-scheduled', await ownerEmails(t.tenantId), { slug: t.slug, purgeAfter: t.purgeAfter });
}

export async function notifyDeletionCancelled(t: { tenantId: string; slug: string }): Promise<void> {
  queue('tenant.deletion-cancelled', await ownerEmails(t.tenantId), { slug: t.slug });
}

/** Called after the purge: the owners are gone with the memberships, so this only records the fact. */
export async function notifyTenantPurged(t: { tenantId: string; slug: string }): Promise<void> {
  queue('tenant.purged', [], { tenantId: t.tenantId, slug: t.slug });
}

export async function notifyOwnershipTransferred(t: {
  slug: string;
  from: { email: string };
  to: { email: string };
}): Promise<void> {
  queue('tenant.ownership-transferred', [t.from.email, t.to.email], { slug: t.slug });
}
