import type { TenancyConfig } from './define-tenancy';
import { APP_ROUTE_SEGMENTS } from './reserved-words';
import type { TenantMatch } from './types';

/**
 * `required` (TENANT_REQUIRED, default true): no tenant → 404. Pure and edge-safe; the middleware
 * asks it once resolution (and `defaultTenant`) has had its say.
 *
 * Invariant: with `required` on, a request that selected no tenant reaches only the routes that
 * exist before a visitor has one — the landing page `/`, the app routes outside app/[tenant]
 * (`APP_ROUTE_SEGMENTS`: sign-in, sign-up, onboarding, invitations, the API, whose handlers answer
 * their own JSON 404) and Next's internals (`/_…`). Everything else is a 404 at the edge, before any
 * page runs. With it off, those requests reach the app: a page outside app/[tenant] (a public
 * pricing page) runs without a tenant, and a page under app/[tenant] still refuses one it cannot
 * match (requireTenant), after its guard has sent a signed-out visitor to sign in.
 * Tests: lib/tenants/required.test.ts (every resolver mode), tests/http/resolvers.test.ts.
 */
const TENANTLESS_ROUTES: ReadonlySet<string> = new Set(APP_ROUTE_SEGMENTS);

/** True for a path that is served without a tenant even when one is required. */
export function isTenantlessRoute(pathname: string): boolean {
  const first = (pathname.split('/')[1] ?? '').toLowerCase();
  return first === '' || first.startsWith('_') || TENANTLESS_ROUTES.has(first);
}

/** Whether the middleware answers 404 for `pathname`, given what resolution found. */
export function refuseWithoutTenant(
  pathname: string,
  match: TenantMatch | null,
  config: Pick<TenancyConfig, 'required'>,
): boolean {
  return match === null && config.required && !isTenantlessRoute(pathname);
}
