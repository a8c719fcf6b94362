/**
 * Tenant resolution at the edge — the first wall.
 *
 * Invariant: a request reaches the app with `x-tenant-slug` / `x-tenant-via` set by THIS code or
 * not at all. Every incoming `x-tenant-*` and `x-middleware-subrequest` header is deleted first,
 * on every path, rewritten or not; the new values travel on the forwarded request only
 * (`rewrite(url, { request: { headers } })`), never on the response. A match rewrites the path to
 * `/<slug>/<path>` (query kept) so `app/[tenant]/…` renders; the page then re-checks the route
 * segment against the header and membership (lib/tenants/server.ts, lib/auth/guard.ts).
 * Selecting a tenant here grants nothing: membership decides access. No tenant while one is
 * `required` is a 404 outside the routes that need none (lib/tenants/required.ts).
 *
 * Before anything else, a Host that is not this deployment's (lib/urls/deployment-host.ts) nor a
 * verified custom domain (lib/domains/edge-lookup.ts) is a 421: no page or action runs for a host the
 * app would not build links for. A custom domain selects its own tenant and nothing else
 * (tests/domains/domains-http.test.ts). X-Forwarded-* are deleted
 * unless TRUSTED_PROXY_HOPS says a proxy of ours wrote them (lib/security/forwarded.ts).
 *
 * Tests: tests/http/spoofing.test.ts (header, nxtP param, cross-tenant path, static-looking paths),
 * tests/http/resolvers.test.ts, tests/http/hosts.test.ts (foreign hosts, forwarded headers, path-mode
 * API), tests/reliability/malformed-input.test.ts.
 *
 * Runtime: edge. Everything imported is runtime-agnostic; rename this file to `proxy.ts` (and the
 * function to `proxy`) to run the same code on Node — see README "Edge middleware or proxy.ts".
 */
import { type NextRequest, NextResponse } from 'next/server';
import { readVerifiedClaims } from '@/lib/auth/session-claims';
import { refuseMalformedAction } from '@/lib/actions/action-request';
import { customHostTenant, INTERNAL_LOOKUP_PATH } from '@/lib/domains/edge-lookup';
import { env } from '@/lib/env';
import { API_TENANT_HEADER } from '@/lib/api-keys/forwarded-header';
import { edgeLog } from '@/lib/log/edge-log';
import { REQUEST_ID_HEADER, requestIdFrom } from '@/lib/log/request-id';
import { buildCsp, createNonce } from '@/lib/security/csp';
import { stripUntrustedForwarded } from '@/lib/security/forwarded';
import { hasUsableHostHeaders } from '@/lib/security/host-header';
import { checkRequestShape, drainBody } from '@/lib/security/request-shape';
import { getTenancyConfig } from '@/lib/tenants/config';
import { stripTenantHeaders, TENANT_PATH_HEADER, TENANT_SLUG_HEADER, TENANT_VIA_HEADER } from '@/lib/tenants/headers';
import { refuseWithoutTenant } from '@/lib/tenants/required';
import { resolveTenant } from '@/lib/tenants/resolvers';
import { tenantRewritePath } from '@/lib/tenants/rewrite';
import type { ResolveInput, TenantMatch } from '@/lib/tenants/types';
import { isSecureDeployment } from '@/lib/urls/app-origin';
import { isDeploymentHost } from '@/lib/urls/deployment-host';

// Validated once when the module loads: a bad configuration stops the server, not a request.
const tenancy = getTenancyConfig();
const usesSession = tenancy.resolvers.includes('session');
const dev = env.NODE_ENV !== 'production';
const realtimeUrl = env.REALTIME_PUBLIC_URL;
const HOSTLESS_PATHS = new Set(['/api/health', INTERNAL_LOOKUP_PATH, '/api/domains/ask']);

/** CSP travels on the forwarded request (Next nonces its inline scripts from it) and on the response. */
function withCsp(response: NextResponse, csp: string): NextResponse {
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export async function middleware(request: NextRequest): Promise<NextResponse> {
  // A Host that is no URL authority (raw non-ASCII bytes…) is a 400, not a 500 deeper down.
  if (!hasUsableHostHeaders(request.headers)) {
    edgeLog('warn', 'refused: invalid Host header', { path: request.nextUrl.pathname, status: 400 });
    await drainBody(request);
    return new NextResponse('Bad Request: invalid Host header', { status: 400 });
  }
  // A host we would never build a link for gets nothing. Health probes, the signed custom-domain
  // lookup and the TLS `ask` are called on internal addresses, so they skip the Host rule.
  const host = request.headers.get('host');
  const internal = HOSTLESS_PATHS.has(request.nextUrl.pathname);
  // A verified custom domain (lib/domains/edge-lookup.ts: signed lookup, TTL cache) names its tenant.
  const customSlug = internal ? null : await customHostTenant(host, request.nextUrl.origin);
  if (!internal && customSlug === null && !(await isDeploymentHost(host))) {
    edgeLog('warn', 'refused: host is not this deployment', { path: request.nextUrl.pathname, status: 421 });
    await drainBody(request);
    return new NextResponse('Misdirected Request', { status: 421, headers: { 'cache-control': 'no-store' } });
  }
  // Shapes that only ever end in a 500 deeper down: bad percent-encoding, a bogus X-Forwarded-Proto,
  // a foreign or empty Origin on a page POST, a body over the action limit (lib/security/request-shape.ts).
  const shape = checkRequestShape(request, env.TRUSTED_PROXY_HOPS);
  if (shape) {
    edgeLog('warn', `refused: ${shape.reason}`, { path: request.nextUrl.pathname, status: shape.status });
    if (shape.status !== 413) await drainBody(request);
    return new NextResponse(shape.status === 413 ? 'Payload Too Large' : 'Bad Request', {
      status: shape.status,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  // A server-action POST that Next's own decoder would turn into a 500 is a 4xx here instead.
  const refused = await refuseMalformedAction(request, env.TRUSTED_PROXY_HOPS);
  if (refused) {
    edgeLog('warn', 'refused: malformed server action', { path: request.nextUrl.pathname, status: refused.status });
    await drainBody(request);
    return refused;
  }
  const headers = stripTenantHeaders(request.headers);
  stripUntrustedForwarded(headers, env.TRUSTED_PROXY_HOPS);
  headers.set(REQUEST_ID_HEADER, requestIdFrom(request.headers.get(REQUEST_ID_HEADER)));
  const csp = buildCsp(createNonce(), {
    dev,
    realtimeUrl,
    pageHost: host ?? undefined,
    realtimePort: env.REALTIME_PORT,
    secure: isSecureDeployment(),
  });
  headers.set('Content-Security-Policy', csp);
  // The API's tenant header is itself an x-tenant-* header, so it was just stripped. API routes get
  // the client's value under another name: a claim that the API key must agree with, never trusted.
  headers.delete(API_TENANT_HEADER);
  const claimedApiTenant = request.headers.get(tenancy.header.name);
  if (claimedApiTenant && request.nextUrl.pathname.startsWith('/api/'))
    headers.set(API_TENANT_HEADER, claimedApiTenant);
  const input: ResolveInput = {
    host: host ?? '',
    pathname: request.nextUrl.pathname,
    // The resolvers read the ORIGINAL headers (the header resolver's own `X-Tenant-ID` is an
    // x-tenant-* header); only the stripped copy is forwarded to the app.
    headers: request.headers,
    cookies: Object.fromEntries(request.cookies.getAll().map((c) => [c.name, c.value])),
    claims: usesSession ? await readVerifiedClaims(request) : undefined,
  };

  // A custom domain belongs to one tenant: it overrides every resolver (a path or header naming
  // another tenant changes nothing) and is rewritten like a subdomain.
  const match: TenantMatch | null = customSlug
    ? { slug: customSlug, via: 'subdomain' }
    : await resolveTenant(input, tenancy);
  if (refuseWithoutTenant(request.nextUrl.pathname, match, tenancy)) {
    // `required`: no tenant → 404 here, before any page runs. (A rewrite to a not-found route is not
    // one: under `next dev` it lands in app/[tenant], whose guard would redirect to sign-in.)
    return withCsp(new NextResponse('Not Found', { status: 404 }), csp);
  }
  if (!match) return withCsp(NextResponse.next({ request: { headers } }), csp);

  headers.set(TENANT_SLUG_HEADER, match.slug);
  headers.set(TENANT_VIA_HEADER, match.via);
  // The path as the browser sees it, for sign-in redirects back here (`?next=`).
  headers.set(TENANT_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`.slice(0, 2048));
  const target = tenantRewritePath(request.nextUrl.pathname, match, tenancy.path.position);
  // Path mode names an API call's tenant in the path (`/acme/api/v1/items`): that is its claim,
  // which the API key must agree with, exactly as with the header.
  if (match.via === 'path' && target?.startsWith('/api/')) headers.set(API_TENANT_HEADER, match.slug);
  if (target === null) return withCsp(NextResponse.next({ request: { headers } }), csp);

  // Same origin as the request Next built (not the client's Host), so the rewrite stays internal.
  // Next normalises 127.0.0.1 to `localhost` here, so a server started with `-H 127.0.0.1` sees
  // every rewrite as external; bind the default or 0.0.0.0 (docs/resolvers-and-deployment.md).
  const url = new URL(request.url);
  url.pathname = target;
  return withCsp(NextResponse.rewrite(url, { request: { headers } }), csp);
}

export const config = {
  // Everything but Next's build assets and the two icon files in app/: a path that merely LOOKS
  // static (`/x.png`) can still reach a page, so it must pass through the header stripping above
  // (tests/http/spoofing.test.ts). There is no public/ directory; add its files here if you create one.
  matcher: ['/((?!_next/static/|_next/image|favicon\\.ico$|icon\\.svg$).*)'],
};
