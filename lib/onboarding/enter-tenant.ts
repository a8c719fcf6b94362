import 'server-only';
import { cookies, headers } from 'next/headers';
import { unstable_update } from '@/lib/auth/auth';
import { linkContext } from '@/lib/auth/landing';
import { switchModeFor, tenantDashboardHref } from '@/lib/auth/tenant-links';
import { getTenancyConfig } from '@/lib/tenants/config';

/**
 * Where a user goes after creating or joining a tenant: its dashboard, by resolver mode
 * (subdomain → `http://<slug>.<host>/dashboard`, path → `/<slug>/dashboard`). In session mode the
 * tenant is made active first, exactly as the switcher does (claim re-issued by the jwt callback
 * after ITS OWN membership check, then the cookie), and the user lands on `/dashboard`.
 * Header / custom modes have no browser URL for a tenant: null (the caller shows a message).
 * Call only after the membership exists: this sets nothing for a non-member (the jwt callback refuses).
 */
export async function enterTenant(slug: string): Promise<string | null> {
  const mode = switchModeFor(getTenancyConfig().resolvers);
  if (mode === 'session') {
    await unstable_update({ tenant: slug });
    const secure = ((await headers()).get('x-forwarded-proto') ?? '').startsWith('https');
    (await cookies()).set(getTenancyConfig().session.key, slug, { httpOnly: true, sameSite: 'lax', path: '/', secure });
    return '/dashboard';
  }
  return tenantDashboardHref(slug, mode, await linkContext());
}
