import { env } from '@/lib/env';
import { hostLabels } from '@/lib/tenants/resolvers/subdomain';
import { appOriginUrl } from '@/lib/urls/app-origin';
import { hostnameOf } from '@/lib/urls/deployment-host';
import { tenantMainDomain } from '@/lib/urls/tenant-origin';
import { LOOKUP_SIGNATURE_HEADER, signLookup } from './lookup-signature';

/**
 * The middleware's custom-host → tenant lookup, without a database driver at the edge: a signed
 * GET to the app's own internal route (`/api/internal/domains?host=`), cached per host name for
 * CUSTOM_DOMAIN_CACHE_SECONDS (≤ 60), answers and "no such domain" alike. So a domain removed or
 * failed stops resolving within that TTL. A lookup that errors is not cached and resolves nothing
 * (fail closed). Host names are normalised first (case, trailing dot, port), so `APP.ACME.COM.:443`
 * and `app.acme.com` are one entry; the deployment's own names never reach the lookup.
 * Edge-safe. Tests: tests/domains/domains-http.test.ts.
 */
export const INTERNAL_LOOKUP_PATH = '/api/internal/domains';

type Entry = { slug: string | null; expires: number };
const MAX_ENTRIES = 10_000;
const cache = new Map<string, Entry>();

/** True for the apex, `*.<main domain>` and loopback: those are never custom domains. */
function isOwnName(name: string): boolean {
  const apex = appOriginUrl().hostname.toLowerCase();
  const main = tenantMainDomain();
  if (name === apex || (main && (name === main || name.endsWith(`.${main}`)))) return true;
  return name === 'localhost' || name === '127.0.0.1' || name === '[::1]' || name.endsWith('.localhost');
}

async function fetchOwner(name: string, origin: string): Promise<string | null | undefined> {
  try {
    const url = `${env.DOMAIN_LOOKUP_ORIGIN ?? origin}${INTERNAL_LOOKUP_PATH}?host=${encodeURIComponent(name)}`;
    const response = await fetch(url, {
      headers: { [LOOKUP_SIGNATURE_HEADER]: await signLookup(name) },
      cache: 'no-store',
    });
    if (response.status === 404) return null;
    if (!response.ok) return undefined;
    const body = (await response.json()) as { slug?: unknown };
    return typeof body.slug === 'string' ? body.slug : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The slug of the tenant whose verified custom domain `host` (a Host header value) is, or null.
 * `origin`: where the app itself answers (the middleware passes the origin Next built for the
 * request, which is the server's own address, not the client's Host); DOMAIN_LOOKUP_ORIGIN wins.
 */
export async function customHostTenant(host: string | null, origin: string): Promise<string | null> {
  const name = host ? hostnameOf(host) : null;
  if (!name || isOwnName(name)) return null;
  // IP literals and single labels can never be verified domains: no lookup for them.
  const labels = hostLabels(name);
  if (!labels || labels.length < 2) return null;
  const now = Date.now();
  const hit = cache.get(name);
  if (hit && hit.expires > now) return hit.slug;
  const slug = await fetchOwner(name, origin);
  if (slug === undefined) return null;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(name, { slug, expires: now + env.CUSTOM_DOMAIN_CACHE_SECONDS * 1000 });
  return slug;
}

/** The tenant of a browser Origin (`https://app.acme.com`) on a verified custom domain, or null (the sidecar's check). */
export async function customOriginTenant(origin: string, lookupOrigin: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return customHostTenant(url.host, lookupOrigin);
}
