/**
 * Suspend, unsuspend, schedule deletion, restore: the tenant row's lifecycle columns.
 *
 * Invariant: none of these removes or changes any tenant-owned row. Suspension only flips
 * `suspendedAt`; the guard (lib/auth/guard.ts), the action wrapper, the API-key wrapper and the
 * realtime token route refuse a suspended tenant, and clearing it restores everything as it was.
 * Deletion is a suspension with a `purgeAfter` date; restoring before it clears both.
 * Tests: tests/platform/suspend.test.ts.
 */
import { env } from '@/lib/env';
import { notifyDeletionCancelled, notifyDeletionScheduled } from './notify';
import { ownerExecute, ownerQuery } from './sql';

export type TenantStatus = {
  id: string;
  slug: string;
  suspendedAt: Date | null;
  suspendedReason: string | null;
  deletionRequestedAt: Date | null;
  purgeAfter: Date | null;
};

export const DAY_MS = 86_400_000;

export async function tenantStatus(tenantId: string): Promise<TenantStatus | null> {
  const rows = await ownerQuery<TenantStatus>(
    `SELECT "id", "slug", "suspendedAt", "suspendedReason", "deletionRequestedAt", "purgeAfter"
     FROM "Tenant" WHERE "id" = $1`,
    tenantId,
  );
  return rows[0] ?? null;
}

export async function suspendTenant(tenantId: string, reason: string, now = new Date()): Promise<boolean> {
  const n = await ownerExecute(
    `UPDATE "Tenant" SET "suspendedAt" = COALESCE("suspendedAt", $2), "suspendedReason" = $3, "updatedAt" = $2
     WHERE "id" = $1`,
    tenantId,
    now,
    reason,
  );
  return n > 0;
}

/** Lifts a suspension. A tenant scheduled for deletion stays suspended: restore it instead. */
export async function unsuspendTenant(tenantId: string, now = new Date()): Promise<boolean> {
  const n = await ownerExecute(
    `UPDATE "Tenant" SET "suspendedAt" = NULL, "suspendedReason" = NULL, "updatedAt" = $2
     WHERE "id" = $1 AND "purgeAfter" IS NULL`,
    tenantId,
    now,
  );
  return n > 0;
}

/** Suspends the tenant and schedules its purge after the grace period; emails the owners. */
export async function scheduleDeletion(
  tenantId: string,
  { now = new Date(), graceDays = env.TENANT_PURGE_GRACE_DAYS }: { now?: Date; graceDays?: number } = {},
): Promise<Date | null> {
  const purgeAfter = new Date(now.getTime() + graceDays * DAY_MS);
  const rows = await ownerQuery<{ slug: string }>(
    `UPDATE "Tenant" SET "suspendedAt" = COALESCE("suspendedAt", $2), "suspendedReason" = 'deletion scheduled',
       "deletionRequestedAt" = $2, "purgeAfter" = $3, "updatedAt" = $2
     WHERE "id" = $1 RETURNING "slug"`,
    tenantId,
    now,
    purgeAfter,
  );
  const slug = rows[0]?.slug;
  if (!slug) return null;
  await notifyDeletionScheduled({ tenantId, slug, purgeAfter });
  return purgeAfter;
}

/** Cancels a scheduled deletion (before the purge ran) and lifts the suspension it brought. */
export async function restoreTenant(tenantId: string, now = new Date()): Promise<boolean> {
  const rows = await ownerQuery<{ slug: string }>(
    `UPDATE "Tenant" SET "suspendedAt" = NULL, "suspendedReason" = NULL, "deletionRequestedAt" = NULL,
       "purgeAfter" = NULL, "updatedAt" = $2
     WHERE "id" = $1 AND "purgeAfter" IS NOT NULL RETURNING "slug"`,
    tenantId,
    now,
  );
  const slug = rows[0]?.slug;
  if (!slug) return false;
  await notifyDeletionCancelled({ tenantId, slug, at: now });
  return true;
}

/** Whether work for this tenant may run now (the job runner holds jobs of a suspended tenant). */
export async function isTenantActive(tenantId: string): Promise<boolean> {
  const status = await tenantStatus(tenantId);
  return status !== null && status.suspendedAt === null;
}
