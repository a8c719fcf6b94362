import 'server-only';
/**
 * The one guard: who is signed in, and may they enter this tenant with this role?
 *
 * 1. `requireUser()`       — signed out → redirect to `/login?next=<this path>`.
 * 2. `requirePermission(action, routeSlug)` — resolves the tenant (requireTenant: trusted header
 *                            vs route segment), then reads the membership from the DATABASE on
 *                            every call and compares its role with `PERMISSIONS[action]`:
 *                            not a member → 404 (same page as an unknown tenant, so nothing leaks),
 *                            role too low → 403 (`forbidden()`, app/forbidden.tsx).
 * 3. `getMemberAccess(action)` / `getMemberContext(action)` — the same decision without throwing,
 *                            for route handlers (401 / 404 / 403 as JSON).
 *
 * Suspension (docs/operations.md): a suspended tenant's member is sent to its suspended page, and
 *                            route handlers answer 403, unless the route allows it (`allowSuspended`).
 *                            Read in the same statement as the membership, so it is never stale.
 *
 * 4. `orUnavailablePage(read)` — a page's database read; "database unreachable" becomes the 503
 *                            page instead of a 500 (lib/http/database-unavailable.ts). 1 and 2 use it.
 *
 * Pages and route handlers name the ACTION they serve, never a role: the role lives in one table
 * (lib/auth/permissions.ts), which `tenantAction` reads for actions too. Call it in EVERY page,
 * action and route handler under a tenant; the layout calling it is not enough (layouts do not
 * re-render on client navigation, and actions bypass them entirely).
 * Tests: tests/auth/guard.test.ts (logic via lib/auth/membership.ts).
 */
import { headers } from 'next/headers';
import { forbidden, notFound, redirect } from 'next/navigation';
import { redirectIfDatabaseUnavailable } from '@/lib/http/database-unavailable';
import { getTenant, getTenantBasePath, requireTenant } from '@/lib/tenants/server';
import { TENANT_PATH_HEADER } from '@/lib/tenants/headers';
import type { TenantInfo } from '@/lib/tenants/tenant-info';
import { checkMembershipIn } from './membership';
import { type Action, type Role, requiredRole } from './permissions';
import { safeNextPath } from './safe-next';
import { getSessionUser, type SessionUser } from './session';
import { SUSPENDED_MESSAGE } from './suspended';

export type { SessionUser };
export type MemberContext = { tenant: TenantInfo; user: SessionUser; role: Role; suspended: boolean };

export type MemberAccess =
  | { status: 'ok'; context: MemberContext }
  | { status: 'unauthenticated' }
  | { status: 'not-found' }
  | { status: 'suspended'; context: MemberContext }
  | { status: 'forbidden'; context: MemberContext };

/**
 * `allowSuspended`: the few routes a suspended tenant's members still reach — the suspended page
 * itself, the layout around it, the export and the restore. Everything else is refused.
 */
export type GuardOptions = { allowSuspended?: boolean };

/**
 * Where to come back to after signing in. The middleware may forward the original path as
 * `x-tenant-path` (trusted: it strips client `x-tenant-*` headers); otherwise the tenant's dashboard.
 */
async function currentPath(): Promise<string> {
  const h = await headers();
  const fromMiddleware = h.get(TENANT_PATH_HEADER);
  if (fromMiddleware) return safeNextPath(fromMiddleware);
  return h.get('x-tenant-slug') ? `${await getTenantBasePath()}/dashboard` : '/';
}

/**
 * Runs a page's database read; if the database is unreachable the visitor gets the 503 page
 * (with a way back to this path), not a 500. Other errors, notFound() and redirects pass through.
 */
export async function orUnavailablePage<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    return redirectIfDatabaseUnavailable(error, await currentPath());
  }
}

export async function requireUser(): Promise<SessionUser> {
  const user = await orUnavailablePage(getSessionUser);
  if (!user) redirect(`/login?next=${encodeURIComponent(await currentPath())}`);
  return user;
}

/** The page guard: the signed-in member of this route's tenant whose role allows `action`. */
export async function requirePermission(
  action: Action,
  routeSlug?: string,
  options: GuardOptions = {},
): Promise<MemberContext> {
  const user = await requireUser();
  const tenant = await orUnavailablePage(() => requireTenant(routeSlug));
  const check = await orUnavailablePage(() => checkMembershipIn(tenant, user.id, requiredRole(action)));
  if (check.status === 'not-found') notFound();
  // A suspended tenant's members see one clear page, whatever they asked for (app/[tenant]/suspended).
  if (check.suspended && !options.allowSuspended) redirect(`${await getTenantBasePath()}/suspended`);
  if (check.status === 'forbidden') forbidden();
  return { tenant, user, role: check.role, suspended: check.suspended };
}

/** The guard's decision for route handlers, without redirects or throws. */
export async function getMemberAccess(
  action: Action = 'tenant.view',
  routeSlug?: string,
  options: GuardOptions = {},
): Promise<MemberAccess> {
  const user = await getSessionUser();
  if (!user) return { status: 'unauthenticated' };
  const tenant = await getTenant(routeSlug);
  if (!tenant) return { status: 'not-found' };
  const check = await checkMembershipIn(tenant, user.id, requiredRole(action));
  if (check.status === 'not-found') return { status: 'not-found' };
  const context = { tenant, user, role: check.role, suspended: check.suspended };
  if (check.suspended && !options.allowSuspended) return { status: 'suspended', context };
  return check.status === 'ok' ? { status: 'ok', context } : { status: 'forbidden', context };
}

/** The member context, or null when signed out, not a member, or not allowed `action`. */
export async function getMemberContext(
  action: Action = 'tenant.view',
  routeSlug?: string,
  options: GuardOptions = {},
): Promise<MemberContext | null> {
  const access = await getMemberAccess(action, routeSlug, options);
  return access.status === 'ok' ? access.context : null;
}

/** The JSON response a route handler returns when access was refused. */
export function accessDeniedResponse(access: Exclude<MemberAccess, { status: 'ok' }>): Response {
  if (access.status === 'unauthenticated') return Response.json({ error: 'Sign in first' }, { status: 401 });
  if (access.status === 'forbidden') return Response.json({ error: 'Forbidden' }, { status: 403 });
  if (access.status === 'suspended') return Response.json({ error: SUSPENDED_MESSAGE }, { status: 403 });
  return Response.json({ error: 'Not found' }, { status: 404 });
}
