import 'server-only';
import { headers } from 'next/headers';
import { getTenancyConfig } from '@/lib/tenants/config';
import { TENANT_SLUG_HEADER } from '@/lib/tenants/headers';
import { getTenantBasePath } from '@/lib/tenants/server';
import { listUserTenants } from './membership';
import { safeNextPath } from './safe-next';
import { switchModeFor, tenantDashboardHref } from './tenant-links';

/** This request's link context (host, protocol, main domain) for building tenant URLs. */
export async function linkContext() {
  const h = await headers();
  const protocol = h.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? 'http';
  return { host: h.get('host') ?? '', protocol, mainDomain: getTenancyConfig().subdomain.mainDomain };
}

/**
 * Where to go after signing in: a safe `next` path; else this host's tenant dashboard when the
 * request already belongs to a tenant; else the user's first tenant (a link fitting the resolver
 * mode); else onboarding. Membership is checked again by the page we land on.
 */
export async function landingPath(userId: string, next: unknown): Promise<string> {
  const explicit = safeNextPath(next, '');
  if (explicit && explicit !== '/') return explicit;
  const h = await headers();
  if (h.get(TENANT_SLUG_HEADER)) return `${await getTenantBasePath()}/dashboard`;
  const [first] = await listUserTenants(userId);
  if (!first) return '/onboarding';
  const mode = switchModeFor(getTenancyConfig().resolvers);
  return tenantDashboardHref(first.slug, mode, await linkContext()) ?? '/dashboard';
}
