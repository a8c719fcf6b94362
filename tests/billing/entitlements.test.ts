import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTenantAction } from '@/lib/actions/run-tenant-action';
import { createApiKeyAction } from '@/lib/api-keys/actions';
import { createApiKey, listApiKeys, revokeApiKey } from '@/lib/api-keys/api-keys';
import { entitlementsOf, grantedPlan, seatLimitOf } from '@/lib/billing/effective';
import { withoutTenant } from '@/lib/db';
import { loadTenantBySlug } from '@/lib/tenants/tenant-store';
import { NO_SUBSCRIPTION } from '@/lib/billing/state';
import { resetRateLimiters } from '@/lib/rate-limit';
import { rateLimitFor } from '@/lib/rate-limit/rate-limit-for';
import { seededDbForSuite } from '../accounts/scratch';
import { deliver, freshTenant, subscriptionEvent, subscriptionFor } from './helpers';

/** What a subscription grants, and the rate limiter reading it. */
seededDbForSuite();

const now = new Date('2026-12-01T12:00:00Z');
const later = new Date('2026-12-09T12:00:00Z');

describe('entitlementsOf', () => {
  it('grants the plan while trialing or active, during grace, and the free plan otherwise', () => {
    const pro = { ...NO_SUBSCRIPTION, plan: 'pro' as const, seats: 12 };
    expect(grantedPlan({ ...pro, status: 'trialing' }, now)).toBe('pro');
    expect(grantedPlan({ ...pro, status: 'active' }, now)).toBe('pro');
    const due = { ...pro, status: 'past_due' as const, graceUntil: new Date('2026-12-08T12:00:00Z') };
    expect(grantedPlan(due, now)).toBe('pro');
    expect(grantedPlan(due, later)).toBe('free');
    for (const status of ['none', 'incomplete', 'unpaid', 'canceled'] as const)
      expect(grantedPlan({ ...pro, status }, now)).toBe('free');
    expect(entitlementsOf({ ...pro, status: 'active' }, now)).toMatchObject({ seatLimit: 12, rateLimitTier: 'pro' });
  });

  it('bounds seats by the plan', () => {
    expect(seatLimitOf('free', 100)).toBe(5);
    expect(seatLimitOf('pro', 0)).toBe(5);
    expect(seatLimitOf('pro', 1_000_000)).toBe(200);
  });
});

describe('rate limits follow the subscription', () => {
  beforeEach(() => {
    process.env.RATE_LIMIT_PREFIX = `test-${randomUUID()}`;
    process.env.RATE_LIMIT_FREE = '3';
    process.env.RATE_LIMIT_PRO = '5';
    delete process.env.REDIS_URL;
    resetRateLimiters();
  });
  afterEach(() => {
    delete process.env.RATE_LIMIT_FREE;
    delete process.env.RATE_LIMIT_PRO;
    resetRateLimiters();
  });

  const spend = async (tenant: { id: string }, n: number) => {
    const results = [];
    for (let i = 0; i < n; i++) results.push((await rateLimitFor(tenant, 'u1')).ok);
    return results;
  };

  it('sizes the budget by the plan the tenant is entitled to now', async () => {
    const free = await freshTenant('rl');
    const pro = await freshTenant('rl');
    await deliver(subscriptionEvent('created', subscriptionFor(pro.id), new Date()));
    expect(await spend(free, 4)).toEqual([true, true, true, false]);
    expect(await spend(pro, 6)).toEqual([true, true, true, true, true, false]);
  });
});

describe('the API-key limit follows the plan', () => {
  beforeEach(() => {
    process.env.RATE_LIMIT_PREFIX = `test-${randomUUID()}`;
    delete process.env.REDIS_URL;
    resetRateLimiters();
  });

  it('refuses a key beyond the plan’s limit (revoked keys do not count); Pro raises it', async () => {
    const tenant = await freshTenant('keys');
    const user = await withoutTenant((c) =>
      c.user.findUniqueOrThrow({
        where: { id: tenant.ownerId },
        select: { id: true, email: true, name: true, image: true },
      }),
    );
    const request = { user, tenant: await loadTenantBySlug(tenant.slug), ip: null };
    for (let i = 0; i < 5; i++) await createApiKey({ tenantId: tenant.id, userId: user.id, name: `k${i}` });
    const create = () =>
      runTenantAction(createApiKeyAction.def, createApiKeyAction.body, { name: 'one more' }, request);

    expect((await create()).state).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Free plan allows 5 API keys/),
    });
    expect(await listApiKeys(tenant.id)).toHaveLength(5);

    const [first] = await listApiKeys(tenant.id);
    await revokeApiKey(tenant.id, first?.id ?? '');
    // The body runs and creates the key (its closing revalidatePath needs a Next request, so the state is not asserted).
    await create();
    expect(await listApiKeys(tenant.id)).toHaveLength(6);
    expect((await create()).state).toMatchObject({ ok: false });

    await deliver(subscriptionEvent('created', subscriptionFor(tenant.id), new Date()));
    await create();
    expect(await listApiKeys(tenant.id)).toHaveLength(7);
  });
});
