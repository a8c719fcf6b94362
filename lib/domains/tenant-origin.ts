import { appOriginUrl } from '@/lib/urls/app-origin';
import { hostnameOf } from '@/lib/urls/deployment-host';
import { tenantOrigin } from '@/lib/urls/tenant-origin';
import { primaryDomainOf, verifiedDomainOwner } from './queries';

/**
 * Where a tenant lives once custom domains are counted: the async companions of lib/urls, which
 * stays configuration-only and edge-safe. Both read the database, never a request header as such:
 * a host a client names is used only after the database says it is a verified domain of THAT
 * tenant. The protocol and port are the deployment's (APP_URL), as for tenant subdomains.
 * Tests: tests/domains/domains.test.ts, tests/domains/domains-http.test.ts.
 */
function originOf(hostname: string, port: string | null): string {
  const base = appOriginUrl();
  const p = port ?? base.port;
  return `${base.protocol}//${hostname}${p ? `:${p}` : ''}`;
}

/** The origin of the tenant's verified primary custom domain, or null when it has none. */
export async function customPrimaryOrigin(slug: string): Promise<string | null> {
  const primary = await primaryDomainOf(slug);
  return primary ? originOf(primary, null) : null;
}

/** The tenant's verified primary custom domain's origin, else its configured origin (`tenantOrigin`). */
export async function tenantPrimaryOrigin(slug: string): Promise<string> {
  return (await customPrimaryOrigin(slug)) ?? tenantOrigin(slug);
}

/**
 * `host` (a Host header value, port kept) as an origin when it is a verified custom domain of
 * `slug`, else null. The handoff uses it to send a user back to the custom host they started on.
 */
export async function verifiedCustomOrigin(slug: string, host: string | null): Promise<string | null> {
  if (!host) return null;
  const name = hostnameOf(host);
  if (!name || (await verifiedDomainOwner(name)) !== slug) return null;
  let port: string;
  try {
    port = new URL(`http://${host}`).port;
  } catch {
    return null;
  }
  return originOf(name, port || null);
}
