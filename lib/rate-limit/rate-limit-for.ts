import { entitlements } from '@/lib/billing/entitlements';
import { type RateLimitResult, rateLimit } from '@/lib/rate-limit';
import type { TenantInfo } from '@/lib/tenants/tenant-info';

/**
 * The budget of one actor (a user id, or `apikey-<id>` for an API key) in one tenant, sized by
 * the rate-limit tier of the plan the tenant is entitled to now (lib/billing/entitlements.ts), so
 * an upgrade or a lapsed payment changes the budget on the next request. Before a tenant exists
 * (onboarding) or is joined (accepting an invitation) the actor spends from a named bucket on the
 * free plan instead.
 */
export type PreTenantBucket = 'onboarding' | 'invitations';

export async function rateLimitFor(
  scope: Pick<TenantInfo, 'id'> | PreTenantBucket,
  actorId: string,
): Promise<RateLimitResult> {
  if (typeof scope === 'string') return rateLimit({ tenantId: scope, userId: actorId, plan: 'free' });
  const { rateLimitTier } = await entitlements(scope.id);
  return rateLimit({ tenantId: scope.id, userId: actorId, plan: rateLimitTier });
}
