import type { TenantInfo } from '@/lib/tenants/tenant-info';
import { type RateLimitResult, rateLimit } from '@/lib/rate-limit';

/**
 * The budget of one actor (a user id, or `apikey-<id>` for an API key) in one tenant, sized by
 * that tenant's plan setting. Before a tenant exists (onboarding) or is joined (accepting an
 * invitation) the actor spends from a named bucket on the free plan instead.
 */
export type PreTenantBucket = 'onboarding' | 'invitations';

export function rateLimitFor(
  scope: Pick<TenantInfo, 'id' | 'getSetting'> | PreTenantBucket,
  actorId: string,
): Promise<RateLimitResult> {
  if (typeof scope === 'string') return rateLimit({ tenantId: scope, userId: actorId, plan: 'free' });
  return rateLimit({ tenantId: scope.id, userId: actorId, plan: scope.getSetting('plan', 'free') });
}
