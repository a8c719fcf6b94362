import 'server-only';
import { headers } from 'next/headers';
import { getTenancyConfig } from '@/lib/tenants/config';
import { TENANT_SLUG_HEADER } from '@/lib/tenants/headers';
import { getTenantBasePath } from '@/lib/tenants/server';
import { safeNextPath } from './safe-next';
import { handoffStartHref, switchModeFor } from './tenant-links';

/**
 * Where to go after signing in, on the host where the user just signed in:
 * - on a tenant's host (or path): the safe `next` path, else its dashboard — same host, same cookie;
 * - elsewhere (the apex) with a safe `next`: that path, here;
 * - elsewhere without one, in subdomain mode: the handoff start, which picks the user's first
 *   tenant (or onboarding) and lands on its host signed in (issue 10, finding 1);
 * - other modes: the first tenant's path (the handoff start redirects without a handoff).
 * Membership is checked again by the page we land on.
 */
export async function landingPath(_userId: string, next: unknown): Promise<string> {
  const explicit = safeNextPath(next, '');
  if (explicit && explicit !== '/') return explicit;
  const h = await headers();
  if (h.get(TENANT_SLUG_HEADER)) return `${await getTenantBasePath()}/dashboard`;
  return switchModeFor(getTenancyConfig().resolvers) === 'none' ? '/dashboard' : handoffStartHref();
}
