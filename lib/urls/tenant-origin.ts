import { getTenancyConfig } from '@/lib/tenants/config';
import { appOrigin, appOriginUrl } from './app-origin';

/**
 * Where a tenant lives, from configuration only (never a request header).
 *
 * - subdomain mode: `<protocol>://<slug>.<main domain>:<port>`, the main domain being
 *   TENANT_MAIN_DOMAIN, else APP_URL's host name (so a real deployment never links to
 *   `*.localhost`; issue 10, finding 7), with APP_URL's protocol and port;
 * - every other mode: the app's origin plus `/<slug>` in path mode, plain in session/header mode.
 * Edge-safe. Test: lib/urls/urls.test.ts.
 */
export function tenantMainDomain(): string {
  const configured = getTenancyConfig().subdomain.mainDomain;
  return (configured ?? appOriginUrl().hostname).replace(/^\.+|\.+$/g, '').toLowerCase();
}

function usesSubdomains(): boolean {
  const [first] = getTenancyConfig().resolvers.filter((r) => r === 'subdomain' || r === 'path' || r === 'session');
  return first === 'subdomain';
}

export function tenantOrigin(slug: string): string {
  if (!usesSubdomains()) return appOrigin();
  const base = appOriginUrl();
  const port = base.port ? `:${base.port}` : '';
  return `${base.protocol}//${slug}.${tenantMainDomain()}${port}`;
}

/** `path` (starting with `/`) on the tenant's site: `/acme/dashboard` in path mode, `acme.<domain>/dashboard` in subdomain mode. */
export function tenantUrl(slug: string, path: string): string {
  const prefix = getTenancyConfig().resolvers.find((r) => r === 'subdomain' || r === 'path' || r === 'session');
  const slugPrefix = prefix === 'path' ? `/${slug}` : '';
  return `${tenantOrigin(slug)}${slugPrefix}${path.startsWith('/') ? path : `/${path}`}`;
}

/** An app-level path (`/invite/…`, `/login`) as an absolute URL on the deployment's origin. */
export function absoluteUrl(path: string): string {
  return `${appOrigin()}${path.startsWith('/') ? path : `/${path}`}`;
}
