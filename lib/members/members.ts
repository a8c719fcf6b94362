import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Role } from '@/lib/auth/permissions';
import { forTenant } from '@/lib/db';
import { queueTenantMail } from '@/lib/mail/send';
import { checkRemoval, checkRoleChange, type RuleResult } from './rules';

/**
 * Membership changes with explicit inputs (no request scope), applied with the rules in
 * `rules.ts`. The owner count and the change happen in one SERIALIZABLE transaction: two owners
 * demoting each other at the same moment cannot both succeed and leave the tenant ownerless
 * (Postgres aborts one with a serialization failure, which we retry once and then refuse).
 * The member is told by email (role changed, removed), queued in the same transaction.
 * Tests: tests/accounts/members.test.ts.
 */
export type Actor = { userId: string; role: Role };

export type MemberRow = { userId: string; name: string | null; email: string; role: Role; joinedAt: Date };

export async function listMembers(tenantId: string): Promise<MemberRow[]> {
  const rows = await forTenant(tenantId).membership.findMany({
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((r) => ({
    userId: r.user.id,
    name: r.user.name,
    email: r.user.email,
    role: r.role,
    joinedAt: r.createdAt,
  }));
}

const NOT_A_MEMBER: RuleResult = { ok: false, error: 'That person is not a member of this organisation.' };
const BUSY: RuleResult = { ok: false, error: 'Someone else changed the members at the same time. Please try again.' };

/** Postgres 40001 as Prisma reports it: P2034, or the pg adapter's TransactionWriteConflict. */
function isSerializationFailure(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; cause?: unknown } | null;
  const text = [e?.code, e?.message, (e?.cause as { kind?: unknown } | undefined)?.kind].map(String).join(' ');
  return /P2034|40001|TransactionWriteConflict|could not serialize/i.test(text);
}

async function serializable<T>(tenantId: string, fn: (tx: TxClient) => Promise<T>): Promise<T> {
  const scoped = forTenant(tenantId);
  for (let attempt = 0; ; attempt++) {
    try {
      return await scoped.$transaction((tx) => fn(tx as TxClient), { isolationLevel: 'Serializable' });
    } catch (error) {
      if (attempt === 0 && isSerializationFailure(error)) continue;
      throw error;
    }
  }
}

type Scoped = ReturnType<typeof forTenant>;
type TxClient = Omit<Scoped, '$transaction' | '$connect' | '$disconnect' | '$on' | '$extends'>;

async function ownerCount(tx: TxClient): Promise<number> {
  return tx.membership.count({ where: { role: 'OWNER' } });
}

type ChangeRoleInput = { tenantId: string; actor: Actor; targetUserId: string; role: Role };

export async function changeRole({ tenantId, actor, targetUserId, role }: ChangeRoleInput): Promise<RuleResult> {
  try {
    return await serializable(tenantId, async (tx) => {
      const target = await tx.membership.findFirst({
        where: { userId: targetUserId },
        select: { id: true, role: true, user: { select: { email: true } } },
      });
      if (!target) return NOT_A_MEMBER;
      const verdict = checkRoleChange({
        actorRole: actor.role,
        targetRole: target.role,
        newRole: role,
        ownerCount: await ownerCount(tx),
      });
      if (!verdict.ok || target.role === role) return verdict;
      await tx.membership.update({ where: { id: target.id }, data: { role }, select: { id: true } });
      await queueTenantMail(
        tenantId,
        {
          eventKey: `role-changed:${target.id}:${randomUUID()}`,
          to: target.user.email,
          template: 'role-changed',
          role,
        },
        tx,
      );
      return verdict;
    });
  } catch (error) {
    if (isSerializationFailure(error)) return BUSY;
    throw error;
  }
}

type RemoveInput = { tenantId: string; actor: Actor; targetUserId: string };

export async function removeMember({ tenantId, actor, targetUserId }: RemoveInput): Promise<RuleResult> {
  try {
    return await serializable(tenantId, async (tx) => {
      const target = await tx.membership.findFirst({
        where: { userId: targetUserId },
        select: { id: true, role: true, user: { select: { email: true } } },
      });
      if (!target) return NOT_A_MEMBER;
      const verdict = checkRemoval({
        actorRole: actor.role,
        targetRole: target.role,
        ownerCount: await ownerCount(tx),
        self: actor.userId === targetUserId,
      });
      if (!verdict.ok) return verdict;
      await tx.membership.delete({ where: { id: target.id }, select: { id: true } });
      await queueTenantMail(
        tenantId,
        { eventKey: `removed:${target.id}`, to: target.user.email, template: 'removed' },
        tx,
      );
      return verdict;
    });
  } catch (error) {
    if (isSerializationFailure(error)) return BUSY;
    throw error;
  }
}
