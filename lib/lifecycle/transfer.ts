/**
 * Ownership transfer: an owner makes another member an owner and may step down to admin.
 *
 * Invariant: the tenant never has zero owners — the promotion and the step-down run in one
 * transaction, the promotion first; the target must already be a member of this tenant (the
 * tenant-scoped client cannot see anyone else's membership). Tests: tests/platform/audit.test.ts (ownership transfer).
 */
import { forTenant } from '@/lib/db';

export type TransferResult =
  | { ok: true; to: { id: string; email: string }; from: { id: string; email: string } }
  | { ok: false; reason: 'not-a-member' | 'self' };

export async function transferOwnership(
  tenantId: string,
  { fromUserId, toUserId, stepDown }: { fromUserId: string; toUserId: string; stepDown: boolean },
): Promise<TransferResult> {
  if (fromUserId === toUserId) return { ok: false, reason: 'self' };
  const db = forTenant(tenantId);
  return db.$transaction(async (tx) => {
    const target = await tx.membership.findFirst({
      where: { userId: toUserId },
      select: { id: true, user: { select: { id: true, email: true } } },
    });
    const source = await tx.membership.findFirst({
      where: { userId: fromUserId, role: 'OWNER' },
      select: { id: true, user: { select: { id: true, email: true } } },
    });
    if (!target || !source) return { ok: false, reason: 'not-a-member' } as const;
    await tx.membership.updateMany({ where: { id: target.id }, data: { role: 'OWNER' } });
    if (stepDown) await tx.membership.updateMany({ where: { id: source.id }, data: { role: 'ADMIN' } });
    return { ok: true, to: target.user, from: source.user } as const;
  });
}
