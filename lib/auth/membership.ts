import 'server-only';
import { db, forTenant, withoutTenant } from '@/lib/db';
import type { TenantInfo } from '@/lib/tenants/tenant-info';
import { loadTenantBySlug } from '@/lib/tenants/tenant-store';
import { hasRole, type Role } from './permissions';

/**
 * Membership checks with explicit inputs — the logic behind `requirePermission`, `getMemberContext`
 * and `tenantAction`, kept free of Next's request scope so tests can call it directly.
 *
 * Invariant: every call reads the Membership row from the DATABASE (no cache, nothing from the
 * token), so a removed member or a demoted admin is denied on their very next request. A
 * non-member and an unknown tenant get the same answer (`not-found`), so the answer never reveals
 * that a tenant exists. Tests: tests/auth/guard.test.ts.
 */
export type MembershipCheck =
  | { status: 'ok'; tenant: TenantInfo; role: Role }
  | { status: 'not-found' }
  | { status: 'forbidden'; tenant: TenantInfo; role: Role };

/** The user's role in the tenant, read from the database now, or null. */
export async function findRole(userId: string, tenantId: string): Promise<Role | null> {
  const row = await forTenant(tenantId).membership.findFirst({
    where: { userId, tenantId },
    select: { role: true },
  });
  return row?.role ?? null;
}

export async function checkMembershipIn(tenant: TenantInfo, userId: string, minRole: Role): Promise<MembershipCheck> {
  const role = await findRole(userId, tenant.id);
  if (!role) return { status: 'not-found' };
  if (!hasRole(role, minRole)) return { status: 'forbidden', tenant, role };
  return { status: 'ok', tenant, role };
}

export async function checkMembership(
  userId: string,
  tenantSlug: string,
  minRole: Role = 'MEMBER',
): Promise<MembershipCheck> {
  const tenant = await loadTenantBySlug(tenantSlug);
  if (!tenant) return { status: 'not-found' };
  return checkMembershipIn(tenant, userId, minRole);
}

export type UserTenant = { id: string; slug: string; name: string; role: Role };

/**
 * Every tenant the user belongs to, oldest membership first. Crossing tenants is the point here
 * (the switcher, the default tenant at sign-in), so this is an explicit `withoutTenant` read,
 * filtered by the user id and selecting only what the switcher shows.
 */
export async function listUserTenants(userId: string): Promise<UserTenant[]> {
  const rows = await withoutTenant((client) =>
    client.membership.findMany({
      where: { userId },
      select: { role: true, tenant: { select: { id: true, slug: true, name: true } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
  );
  return rows.map((r) => ({ ...r.tenant, role: r.role }));
}

/** The user row as the session shows it, or null when the account no longer exists. */
export async function findSessionUser(userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, image: true } });
}

/** The id of the account with this email (compared trimmed and lower-cased), or null. */
export async function findUserIdByEmail(email: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  return user?.id ?? null;
}
