import { env } from '@/lib/env';
import { getTenancyConfig } from '@/lib/tenants/config';

/**
 * Absolute URLs, built from configuration only — never from a request's Host or X-Forwarded-Host,
 * so a forged header cannot point an emailed link at an attacker's site.
 * Tests: tests/mail/templates.test.ts (forged headers; links still from APP_URL).
 */

/** `APP_URL`, or `http://localhost:<PORT>` in development. No trailing slash. */
export function appOrigin(): string {
  return env.APP_URL ?? `http://localhost:${env.PORT}`;
}

/** The origin a tenant's pages live on: `<slug>.<main domain>` in subdomain mode, else the app origin. */
export function tenantOrigin(slug: string): string {
  const origin = new URL(appOrigin());
  const config = getTenancyConfig();
  if (config.resolvers[0] !== 'subdomain') return origin.origin;
  const main = config.subdomain.mainDomain ?? origin.hostname;
  return `${origin.protocol}//${slug}.${main}${origin.port ? `:${origin.port}` : ''}`;
}

/** A tenant page: `/dashboard` → `http://acme.localhost:3000/dashboard`, or `…/acme/dashboard` in path mode. */
export function tenantUrl(slug: string, path: string): string {
  const suffix = path.startsWith('/') ? path : `/${path}`;
  const prefix = getTenancyConfig().resolvers[0] === 'path' ? `/${slug}` : '';
  return `${tenantOrigin(slug)}${prefix}${suffix}`;
}

/** An app-level page (`/login`, `/invite/…`, `/reset-password/…`) on the app origin. */
export function absoluteUrl(path: string): string {
  return `${appOrigin()}${path.startsWith('/') ? path : `/${path}`}`;
}
