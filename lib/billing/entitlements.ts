import 'server-only';
import { type Entitlements, entitlementsOf } from './effective';
import { loadSubscription } from './subscription';

export type { Entitlements };

/**
 * THE answer to "may this tenant …?": its plan as granted now, seat limit, features, rate-limit
 * tier and API-key limit. Read from the database on every call (one indexed row), so a webhook's
 * change applies to the next request on every server, with no cache to invalidate. Pages, actions,
 * the REST API (`withApiKey`), the rate limiter and the realtime token route ask it.
 * Tests: tests/billing/entitlements.test.ts, tests/billing/webhook-http.test.ts.
 */
export async function entitlements(tenant: string | { id: string }, now: Date = new Date()): Promise<Entitlements> {
  const tenantId = typeof tenant === 'string' ? tenant : tenant.id;
  return entitlementsOf(await loadSubscription(tenantId), now);
}
