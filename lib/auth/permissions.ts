/**
 * Who may do what inside a tenant. Pure and edge-safe: the guard, the action wrapper, route
 * handlers and the UI (to hide buttons) all read this one table, so a role's powers are decided
 * in exactly one place. Hiding a button is cosmetic; the server checks `can()` again.
 *
 * Invariant: OWNER > ADMIN > MEMBER, and every action has a minimum role. An unknown role ranks
 * below everything. Tests: tests/auth/permissions.test.ts.
 */
import type { Role } from '@/lib/db/generated/enums';

export type { Role };

export const ROLES = ['OWNER', 'ADMIN', 'MEMBER'] as const satisfies readonly Role[];

export const ROLE_RANK: Readonly<Record<Role, number>> = { OWNER: 3, ADMIN: 2, MEMBER: 1 };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && Object.hasOwn(ROLE_RANK, value);
}

/** True when `role` is at least `min`. A missing or unknown role is never enough. */
export function hasRole(role: Role | null | undefined, min: Role): boolean {
  if (!isRole(role) || !isRole(min)) return false;
  return ROLE_RANK[role] >= ROLE_RANK[min];
}

/** The minimum role for each action. Add a row when you add a feature. */
export const PERMISSIONS = {
  /** Enter the tenant at all: its layout, its home, live presence. */
  'tenant.view': 'MEMBER',
  'items.view': 'MEMBER',
  'items.create': 'MEMBER',
  'items.update': 'MEMBER',
  'items.delete': 'ADMIN',
  'documents.view': 'MEMBER',
  'documents.create': 'MEMBER',
  'documents.update': 'MEMBER',
  'documents.delete': 'MEMBER',
  'members.view': 'ADMIN',
  'members.invite': 'ADMIN',
  'members.updateRole': 'ADMIN',
  'members.remove': 'ADMIN',
  'settings.view': 'ADMIN',
  'settings.update': 'ADMIN',
  'apiKeys.manage': 'ADMIN',
  'audit.view': 'ADMIN',
  /** The Billing page and every billing action: owners only (it spends the company's money). */
  'billing.manage': 'OWNER',
  'tenant.switch': 'MEMBER',
  // The tenant lifecycle (docs/operations.md): only an owner takes the data out or ends the tenant.
  'tenant.export': 'OWNER',
  'tenant.delete': 'OWNER',
  'tenant.restore': 'OWNER',
  'tenant.transfer': 'OWNER',
  'audit.export': 'OWNER',
  // Custom domains (docs/custom-domains.md): a domain changes where sign-in and links land.
  'domains.view': 'OWNER',
  'domains.manage': 'OWNER',
} as const satisfies Record<string, Role>;

export type Action = keyof typeof PERMISSIONS;

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && Object.hasOwn(PERMISSIONS, value);
}

/** May `role` perform `action`? Unknown actions are denied (fail closed). */
export function can(role: Role | null | undefined, action: Action): boolean {
  if (!isAction(action)) return false;
  return hasRole(role, PERMISSIONS[action]);
}

/** The minimum role an action needs (the guard's `requirePermission` and `tenantAction` both ask this). */
export function requiredRole(action: Action): Role {
  return PERMISSIONS[action];
}
