import 'server-only';
import { headers } from 'next/headers';
import { getTenancyConfig } from '@/lib/tenants/config';
import { TENANT_SLUG_HEADER } from '@/lib/tenants/headers';
import { appOrigin } from '@/lib/urls/app-origin';
import { tenantOrigin } from '@/lib/urls/tenant-origin';
import { switchModeFor } from '../tenant-links';
import { canonicalHost } from './ticket';

/**
 * "Already signed in at the apex?" — asked before a tenant host shows its sign-in form.
 *
 * A tenant host without a session cookie cannot see the apex's (dev `*.localhost` shares none; a
 * custom domain never will). So its sign-in page first sends the browser to the apex's handoff
 * start with `sso=1`: signed in there → a handoff back here, landing on `next`; signed out → back
 * to this sign-in page with `sso=0`, which shows the form (the flag stops the loop). Subdomain
 * mode only, and only on a tenant host that is not the apex itself.
 * Tests: e2e/one-sign-in.spec.ts.
 */
export async function silentSignInUrl(next: string | undefined, sso: unknown): Promise<string | null> {
  if (sso === '0' || switchModeFor(getTenancyConfig().resolvers) !== 'subdomain') return null;
  const h = await headers();
  const slug = h.get(TENANT_SLUG_HEADER);
  if (!slug) return null;
  const apex = new URL(appOrigin());
  if (canonicalHost(h.get('host') ?? '') === apex.host.toLowerCase()) return null;
  // The host travels along so the apex can send the user back to a custom domain (start.ts
  // trusts it only when the database says it is a verified domain of this tenant).
  const query = new URLSearchParams({ tenant: slug, next: next ?? '/dashboard', sso: '1', host: h.get('host') ?? '' });
  return `${apex.origin}/api/auth/handoff/start?${query}`;
}

/**
 * Where the apex sends a signed-out `sso=1` visitor: the tenant's own sign-in form, `next` kept —
 * on the verified custom domain they came from when there is one (`customOrigin`).
 */
export function signInFormUrl(slug: string, next: string, customOrigin: string | null = null): string {
  return `${customOrigin ?? tenantOrigin(slug)}/login?${new URLSearchParams({ next, sso: '0' })}`;
}
