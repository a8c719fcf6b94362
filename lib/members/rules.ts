import { hasRole, type Role } from '@/lib/auth/permissions';

/**
 * Who may change whose role, and who may remove whom. Pure, so each rule is tested on its own
 * (tests/accounts/members.test.ts) and the data layer (`changeRole`, `removeMember`) applies them
 * inside the transaction that also counts the owners.
 *
 * Invariants:
 * - nobody grants a role above their own (an ADMIN cannot make an OWNER);
 * - only an OWNER changes or removes an OWNER;
 * - the last OWNER can be neither demoted nor removed, so a tenant is never left without one.
 */
export type RuleResult = { ok: true } | { ok: false; error: string };

type RoleChange = { actorRole: Role; targetRole: Role; newRole: Role; ownerCount: number };

export function checkRoleChange({ actorRole, targetRole, newRole, ownerCount }: RoleChange): RuleResult {
  if (!hasRole(actorRole, 'ADMIN')) return { ok: false, error: 'Only an admin or owner can change roles.' };
  if (!hasRole(actorRole, newRole)) return { ok: false, error: 'You cannot grant a role above your own.' };
  if (targetRole === 'OWNER' && actorRole !== 'OWNER')
    return { ok: false, error: 'Only an owner can change an owner’s role.' };
  if (targetRole === 'OWNER' && newRole !== 'OWNER' && ownerCount <= 1) {
    return { ok: false, error: 'The last owner cannot be demoted. Make someone else an owner first.' };
  }
  return { ok: true };
}

type Removal = { actorRole: Role; targetRole: Role; ownerCount: number; self: boolean };

export function checkRemoval({ actorRole, targetRole, ownerCount, self }: Removal): RuleResult {
  if (!self && !hasRole(actorRole, 'ADMIN')) return { ok: false, error: 'Only an admin or owner can remove members.' };
  if (targetRole === 'OWNER' && actorRole !== 'OWNER')
    return { ok: false, error: 'Only an owner can remove an owner.' };
  if (targetRole === 'OWNER' && ownerCount <= 1) {
    return { ok: false, error: 'The last owner cannot be removed. Make someone else an owner first.' };
  }
  return { ok: true };
}

/** Roles the actor may hand out in an invitation or a role change: their own and below. */
export function grantableRoles(actorRole: Role): Role[] {
  return (['OWNER', 'ADMIN', 'MEMBER'] as const).filter((role) => hasRole(actorRole, role));
}
