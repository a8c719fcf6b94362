/**
 * Where the middleware sends a request that resolved to a tenant. Pure and edge-safe.
 *
 * Every path on a tenant host is served from `app/[tenant]/…` except the app-level routes that
 * live outside it (API, sign-in, onboarding, invitations): those keep their path and read the
 * tenant from the trusted header instead. With the path resolver, the slug segment is moved to
 * the front, so `/acme/dashboard` is not prefixed twice, and `/acme/api/…` reaches the app-level
 * `/api/…` with acme selected (path mode has no other way to name a tenant for an API call).
 */
export const APP_LEVEL_SEGMENTS: ReadonlySet<string> = new Set(APP_ROUTE_SEGMENTS);

import { APP_ROUTE_SEGMENTS } from './reserved-words';

export type RewriteMatch = { slug: string; via: string };

export function tenantRewritePath(pathname: string, match: RewriteMatch, pathPosition = 1): string | null {
  const segments = pathname.split('/').slice(1);
  if (match.via === 'path') {
    const index = pathPosition - 1;
    const rest = [...segments.slice(0, index), ...segments.slice(index + 1)];
    // `/acme/api/realtime/token`: an app-level route asked for on behalf of the path's tenant.
    if (APP_LEVEL_SEGMENTS.has((rest[0] ?? '').toLowerCase())) return `/${rest.join('/')}`;
    return `/${[match.slug, ...rest].join('/')}`.replace(/\/$/, '') || '/';
  }
  const first = (segments[0] ?? '').toLowerCase();
  if (APP_LEVEL_SEGMENTS.has(first)) return null;
  return pathname === '/' ? `/${match.slug}` : `/${match.slug}${pathname}`;
}
