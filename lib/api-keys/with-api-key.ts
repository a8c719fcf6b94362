import 'server-only';
import { clientIp } from '@/lib/actions/client-ip';
import { entitlements } from '@/lib/billing/entitlements';
import { withTenant } from '@/lib/db';
import { withDatabaseUnavailable } from '@/lib/http/database-unavailable';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { rateLimitResponse } from '@/lib/rate-limit';
import { rateLimitFor } from '@/lib/rate-limit/rate-limit-for';
import { TenantInfo } from '@/lib/tenants/tenant-info';
import { authenticateApiKey } from './authenticate';
import { getRequestLogger } from '@/lib/log/logger';

/**
 * The one wrapper for `/api/v1/*` route handlers:
 *   1. the API key and tenant header (`authenticateApiKey`: 401 / 400 / 403 as JSON);
 *   2. the tenant's plan must include API access (`entitlements`, lib/billing: 403 otherwise), and
 *      the rate limit of the key's tenant, sized by its plan (429 + Retry-After);
 *   3. the handler, inside `withTenant(<the key's tenant>)`, so `db` can only touch that tenant;
 *   4. an unexpected error is one log line and a JSON 500, never a stack trace to the caller;
 *      an unreachable database, at any step, is a JSON 503 (lib/http/database-unavailable.ts).
 * The tenant comes from the key, never from the middleware's headers or the URL.
 * Tests: tests/accounts/api-keys.test.ts (calls the wrapped handler directly).
 */
export type ApiContext = { tenant: TenantInfo; keyId: string; ip: string | null };

export type ApiHandler = (request: Request, ctx: ApiContext) => Promise<Response>;

export function withApiKey(handler: ApiHandler): (request: Request) => Promise<Response> {
  return withDatabaseUnavailable(async (request: Request) => {
    const auth = await authenticateApiKey(request.headers);
    if (!auth.ok) {
      const headers: Record<string, string> = auth.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
      return Response.json({ error: auth.error }, { status: auth.status, headers });
    }
    const { tenant: row, keyId } = auth;
    const tenant = new TenantInfo({
      id: row.id,
      slug: row.slug,
      name: row.name,
      settings: row.settings as Record<string, unknown>,
    });

    if (!(await entitlements(tenant.id)).features.apiAccess)
      return Response.json({ error: 'This workspace’s plan does not include API access.' }, { status: 403 });

    // A key is its own "user" in the tenant's budget: `rate_limit:<tenantId>:apikey-<keyId>`.
    const limit = await rateLimitFor(tenant, `apikey-${keyId}`);
    if (!limit.ok) return rateLimitResponse(limit.retryAfterSeconds);

    try {
      return await withTenant(tenant.id, () => handler(request, { tenant, keyId, ip: clientIp(request.headers) }));
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error; // → 503 from withDatabaseUnavailable
      const log = await getRequestLogger({
        tenantId: tenant.id,
        method: request.method,
        path: new URL(request.url).pathname,
      });
      log.error({ err: error }, 'API request failed');
      return Response.json({ error: 'Internal error' }, { status: 500 });
    }
  });
}
