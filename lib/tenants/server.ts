import 'server-only';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getTenancyConfig } from './config';
import { TENANT_SLUG_HEADER, TENANT_VIA_HEADER } from './headers';
import { normalizeSlug } from './slug';
import type { TenantInfo } from './tenant-info';
import { loadTenantBySlug } from './tenant-store';

/**
 * The tenant of the current request, on the server.
 *
 * Trust: only `x-tenant-slug` is read, and the middleware deletes every client-sent `x-tenant-*`
 * header before setting it, so its value is the middleware's decision. A page under
 * `app/[tenant]` passes its `params.tenant`: if the route segment disagrees with the trusted
 * header (a direct hit on `/<other-slug>/…`, an injected `nxtP*` param) the answer is "no tenant",
 * which `requireTenant` turns into a 404. Membership is checked by `requirePermission` (lib/auth),
 * which builds on this. Tests: tests/http/spoofing.test.ts.
 */
const trustedSlug = cache(async (): Promise<string | null> => {
  const value = (await headers()).get(TENANT_SLUG_HEADER);
  return value ? normalizeSlug(value) : null;
});

function routeSlugMatches(routeSlug: string, trusted: string | null): boolean {
  if (trusted === null) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(routeSlug);
  } catch {
    return false;
  }
  return normalizeSlug(decoded) === trusted;
}

export const getTenant = cache(async (routeSlug?: string): Promise<TenantInfo | null> => {
  const trusted = await trustedSlug();
  if (routeSlug !== undefined && !routeSlugMatches(routeSlug, trusted)) return null;
  const fallback = getTenancyConfig().defaultTenant ?? null;
  const slug = trusted ?? fallback;
  if (!slug) return null;
  // An unknown tenant is a 404, unless a default tenant is configured: then it serves the default.
  return (await loadTenantBySlug(slug)) ?? (fallback && fallback !== slug ? loadTenantBySlug(fallback) : null);
});

/** Like getTenant, but a missing or mismatched tenant is a 404. */
export async function requireTenant(routeSlug?: string): Promise<TenantInfo> {
  const tenant = await getTenant(routeSlug);
  if (!tenant) notFound();
  return tenant;
}

/**
 * The URL prefix under which this request's tenant pages live: `/<slug>` when the tenant came
 * from the path, '' when it came from the host, a header, the session or the default.
 */
export async function getTenantBasePath(): Promise<string> {
  const h = await headers();
  const slug = h.get(TENANT_SLUG_HEADER);
  return slug && h.get(TENANT_VIA_HEADER) === 'path' ? `/${slug}` : '';
}
