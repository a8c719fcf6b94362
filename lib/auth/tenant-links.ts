/**
 * Where to send a signed-in user to reach a tenant's page, for the active resolver mode. Pure: the
 * switcher, the post-login redirect, onboarding and tests share it. Tests: tests/auth/tenant-links.test.ts.
 *
 * - subdomain: `/api/auth/handoff/start?tenant=<slug>&next=<path>` on the CURRENT host, which has
 *   the session: it carries the session to the tenant's host (shared cookie or handoff ticket,
 *   lib/auth/handoff/) and lands there on `next`, signed in. The tenant's origin comes from
 *   configuration (lib/urls), never from the request.
 * - path:      `/<slug>/<path>`
 * - session:   no URL — the switcher posts a form that checks membership, re-issues the token,
 *              sets the cookie and redirects to `/dashboard`
 * - header / custom only: nothing a browser link can select.
 */
import type { ResolverName } from '@/lib/tenants/types';

export type SwitchMode = 'subdomain' | 'path' | 'session' | 'none';

/** The first resolver in the chain that a browser can drive. */
export function switchModeFor(resolvers: readonly ResolverName[]): SwitchMode {
  for (const name of resolvers) {
    if (name === 'subdomain' || name === 'path' || name === 'session') return name;
  }
  return 'none';
}

export const HANDOFF_START_PATH = '/api/auth/handoff/start';

/** The handoff start URL (relative: on the host that holds the session). No tenant: the user's first. */
export function handoffStartHref(slug?: string | null, next?: string | null): string {
  const query = new URLSearchParams();
  if (slug) query.set('tenant', slug);
  if (next) query.set('next', next);
  const qs = query.toString();
  return qs ? `${HANDOFF_START_PATH}?${qs}` : HANDOFF_START_PATH;
}

/** The link to `path` of tenant `slug`, or null in session mode (a form, not a link) and header/custom mode. */
export function tenantPageHref(slug: string, mode: SwitchMode, path = '/dashboard'): string | null {
  if (mode === 'path') return `/${slug}${path}`;
  if (mode === 'subdomain') return handoffStartHref(slug, path);
  return null;
}

/** The tenant's dashboard: `tenantPageHref(slug, mode, '/dashboard')`. */
export function tenantDashboardHref(slug: string, mode: SwitchMode): string | null {
  return tenantPageHref(slug, mode, '/dashboard');
}
