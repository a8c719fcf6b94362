/**
 * POST /api/realtime/token — a short-lived token for the socket.io sidecar.
 *
 * Invariant: a token is minted only for a signed-in MEMBER of the request's tenant (guard, DB
 * membership check now), and carries that tenant's id — never one named by the client. Signed
 * out → 401, not a member or no tenant → 404; a plan without live presence → 403 (`entitlements`,
 * lib/billing). Rate limited like any tenant call.
 * Tests: tests/auth/http-guard.test.ts ("mints a realtime token only for a member"), e2e/presence.spec.ts.
 */
import { accessDeniedResponse, getMemberAccess } from '@/lib/auth/guard';
import { entitlements } from '@/lib/billing/entitlements';
import { env } from '@/lib/env';
import { withDatabaseUnavailable } from '@/lib/http/database-unavailable';
import { signRealtimeToken } from '@/lib/realtime/token';
import { rateLimitResponse } from '@/lib/rate-limit';
import { rateLimitFor } from '@/lib/rate-limit/rate-limit-for';

const LIFETIME_SECONDS = 60;

function realtimeUrl(request: Request): string {
  if (env.REALTIME_PUBLIC_URL) return env.REALTIME_PUBLIC_URL;
  // Development default: the sidecar on its own port of the host the browser already uses.
  const url = new URL(request.url);
  const host = request.headers.get('host')?.replace(/:\d+$/, '') ?? url.hostname;
  return `${url.protocol}//${host}:${env.REALTIME_PORT}`;
}

export const POST = withDatabaseUnavailable(async (request: Request): Promise<Response> => {
  const access = await getMemberAccess('tenant.view');
  if (access.status !== 'ok') return accessDeniedResponse(access);
  const { tenant, user } = access.context;
  if (!(await entitlements(tenant.id)).features.presence)
    return Response.json({ error: 'This workspace’s plan does not include live presence.' }, { status: 403 });

  const limit = await rateLimitFor(tenant, user.id);
  if (!limit.ok) return rateLimitResponse(limit.retryAfterSeconds);

  const token = await signRealtimeToken(
    { sub: user.id, tenantId: tenant.id, tenantSlug: tenant.slug, name: user.name ?? user.email, image: user.image },
    { expiresInSeconds: LIFETIME_SECONDS },
  );
  const expiresAt = new Date(Date.now() + LIFETIME_SECONDS * 1000).toISOString();
  return Response.json({ token, expiresAt, url: realtimeUrl(request) }, { headers: { 'Cache-Control': 'no-store' } });
});
