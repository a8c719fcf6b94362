import 'server-only';
import { activateSessionTenant } from '@/lib/auth/activate-tenant';
import { switchModeFor, tenantDashboardHref } from '@/lib/auth/tenant-links';
import { getTenancyConfig } from '@/lib/tenants/config';

/**
 * Where a user goes after creating or joining a tenant: its dashboard, by resolver mode
 * (subdomain → the handoff start, which lands on `<slug>.<main domain>/dashboard` signed in;
 * path → `/<slug>/dashboard`). In session mode the
 * tenant is made active first, exactly as the switcher does (claim re-issued by the jwt callback
 * after ITS OWN membership check, then the cookie), and the user lands on `/dashboard`.
 * Header / custom modes have no browser URL for a tenant: null (the caller shows a message).
 * Call only after the membership exists: this sets nothing for a non-member (the jwt callback refuses).
 */
export async function enterTenant(slug: string): Promise<string | null> {
  const mode = switchModeFor(getTenancyConfig().resolvers);
  if (mode === 'session') {
    await activateSessionTenant(slug);
    return '/dashboard';
  }
  return tenantDashboardHref(slug, mode);
}
