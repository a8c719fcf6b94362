/**
 * Where a tenant's dashboard lives for the active resolver mode. Pure: the switcher, the post-login
 * redirect and tests share it. Tests: tests/auth/tenant-links.test.ts.
 *
 * - subdomain: `http://<slug>.<mainDomain | localhost>:<port>/dashboard` (port and protocol of this request)
 * - path:      `/<slug>/dashboard`
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

export type LinkContext = { host: string; protocol?: string; mainDomain: string | null };

function portOf(host: string): string {
  const match = /:(\d{1,5})$/.exec(host);
  return match ? `:${match[1]}` : '';
}

/** The dashboard URL for `slug`, or null in session mode (a form, not a link) and header/custom mode. */
export function tenantDashboardHref(slug: string, mode: SwitchMode, ctx: LinkContext): string | null {
  if (mode === 'path') return `/${slug}/dashboard`;
  if (mode !== 'subdomain') return null;
  const protocol = ctx.protocol === 'https' ? 'https' : 'http';
  return `${protocol}://${slug}.${ctx.mainDomain ?? 'localhost'}${portOf(ctx.host)}/dashboard`;
}
