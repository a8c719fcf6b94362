import 'server-only';
import { cache } from 'react';
import { withoutTenant } from '@/lib/db';
import type { TenantInfo } from '@/lib/tenants/tenant-info';
import { loadTenantBySlug } from '@/lib/tenants/tenant-store';
import { hasRole, isRole, type Role } from './permissions';

/**
 * Membership checks with explicit inputs — the logic behind `requirePermission`, `getMemberContext`
 * and `tenantAction`, kept free of Next's request scope so tests can call it directly.
 *
 * Invariant: every request reads the Membership rows from the DATABASE (at most once per request —
 * React `cache`, and never cached across requests; nothing from the token), so a removed member or a
 * demoted admin is denied on their very next request; a server action reads them fresh. A
 * non-member and an unknown tenant get the same answer (`not-found`), so the answer never reveals
 * that a tenant exists. Tests: tests/auth/guard.test.ts.
 */
export type MembershipCheck =
  | { status: 'ok'; tenant: TenantInfo; role: Role; suspended: boolean }
  | { status: 'not-found' }
  | { status: 'forbidden'; tenant: TenantInfo; role: Role; suspended: boolean };

/**
 * The user's role in the tenant, read from the database in this request, or null. It is one entry of
 * `listUserTenants`, which a tenant page needs anyway for the switcher: one statement serves the
 * guard in the layout, the page and the switcher (docs/benchmarks.md, the statement budget).
 */
export async function findRole(userId: string, tenantId: string, fresh = false): Promise<Role | null> {
  return (await findMembership(userId, tenantId, fresh))?.role ?? null;
}

/** The user's entry for the tenant (role, and whether the tenant is suspended), read in this request. */
export async function findMembership(userId: string, tenantId: string, fresh = false): Promise<UserTenant | null> {
  const tenants = await (fresh ? readUserTenants : listUserTenants)(userId);
  return tenants.find((t) => t.id === tenantId) ?? null;
}

export async function checkMembershipIn(
  tenant: TenantInfo,
  userId: string,
  minRole: Role,
  fresh = false,
): Promise<MembershipCheck> {
  const membership = await findMembership(userId, tenant.id, fresh);
  if (!membership) return { status: 'not-found' };
  const { role, suspended } = membership;
  if (!hasRole(role, minRole)) return { status: 'forbidden', tenant, role, suspended };
  return { status: 'ok', tenant, role, suspended };
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

/** `suspended`: the tenant is suspended (docs/operations.md); read with the membership, in the same statement. */
export type UserTenant = { id: string; slug: string; name: string; role: Role; suspended: boolean };

/**
 * Every tenant the user belongs to, oldest membership first. Crossing tenants is the point here
 * (the switcher, the default tenant at sign-in), so this is an explicit `withoutTenant` read,
 * filtered by the user id and selecting only what the switcher shows.
 */
/** Uncached: a server action checks membership fresh (its re-render must not reuse a pre-action read). */
export async function readUserTenants(userId: string): Promise<UserTenant[]> {
  // One statement (Prisma's nested select would send two): the user's memberships joined to their
  // tenants, by the owner role because the list crosses tenants on purpose.
  const rows = await withoutTenant(
    (client) => client.$queryRaw<{ id: string; slug: string; name: string; role: string; suspended: boolean }[]>`
      SELECT t."id", t."slug", t."name", m."role"::text AS "role", (t."suspendedAt" IS NOT NULL) AS "suspended"
      FROM "Membership" m JOIN "Tenant" t ON t."id" = m."tenantId"
      WHERE m."userId" = ${userId}
      ORDER BY m."createdAt" ASC, m."id" ASC`,
  );
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, role: asRole(r.role), suspended: r.suspended }));
}

/** `readUserTenants`, once per request (React `cache`): the layout, the page and the switcher share it. */
export const listUserTenants = cache(readUserTenants);

function asRole(value: string): Role {
  if (!isRole(value)) throw new Error(`unknown membership role ${value}`);
  return value;
}

/** The user row as the session shows it, or null when the account no longer exists. */
export async function findSessionUser(userId: string) {
  // The owner client: a user row belongs to no tenant, and reading it here must not switch the
  // tenant pool's connection to "no tenant" right before the page's tenant reads.
  return withoutTenant((client) =>
    client.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, name: true, image: true, sessionVersion: true },
    }),
  );
}

/** The id of the account with this email (compared trimmed and lower-cased), or null. */
export async function findUserIdByEmail(email: string): Promise<string | null> {
  const user = await withoutTenant((client) =>
    client.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } }),
  );
  return user?.id ?? null;
}
