/**
 * Invariant: a client can never hand the app a tenant decision. The middleware passes every request's
 * headers through `stripTenantHeaders` before forwarding them, so `x-tenant-*` headers that reach a
 * page were set by the middleware itself, and Next's internal `x-middleware-*` headers (e.g.
 * `x-middleware-subrequest`, the middleware-bypass vector of CVE-2025-29927) never come from outside.
 * Tests: lib/tenants/headers.test.ts; over HTTP, tests/http/spoofing.test.ts.
 */
export const TENANT_SLUG_HEADER = 'x-tenant-slug';
export const TENANT_VIA_HEADER = 'x-tenant-via';
/** The path before the rewrite (sign-in redirects return to it). Set only by the middleware. */
export const TENANT_PATH_HEADER = 'x-tenant-path';

const TENANT_PREFIX = 'x-tenant';
const MIDDLEWARE_PREFIX = 'x-middleware-';

/** True for a header name a client must never be able to send through to the app. */
export function isTrustedOnlyHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === TENANT_PREFIX || lower.startsWith(`${TENANT_PREFIX}-`) || lower.startsWith(MIDDLEWARE_PREFIX);
}

/** A copy of `headers` without any `x-tenant-*` or `x-middleware-*` header. The input is not changed. */
export function stripTenantHeaders(headers: Headers): Headers {
  const out = new Headers();
  for (const [name, value] of headers) {
    if (!isTrustedOnlyHeader(name)) out.append(name, value);
  }
  return out;
}
