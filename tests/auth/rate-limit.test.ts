import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rateLimit, rateLimitResponse, resetRateLimiters } from '@/lib/rate-limit';
import { rateLimitFor } from '@/lib/rate-limit/rate-limit-for';
import { closeSharedRedis } from '@/lib/rate-limit/redis';
import { describeWithRedis, lazyTestRedis, testRedisUrl } from '@/tests/setup/test-redis';

// This run's Redis; the Redis cases are skipped when there is none (tests/setup/test-redis.ts).
const REDIS_URL = testRedisUrl ?? 'redis://redis.invalid';
const saved = { ...process.env };

function useEnv(env: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetRateLimiters();
}

async function spend(n: number, input: Parameters<typeof rateLimit>[0]) {
  const results = [];
  for (let i = 0; i < n; i++) results.push(await rateLimit(input));
  return results;
}

afterEach(async () => {
  process.env = { ...saved };
  resetRateLimiters();
  await closeSharedRedis();
});

for (const backend of ['memory', 'redis'] as const) {
  (backend === 'redis' ? describeWithRedis : describe)(`rate limit (${backend})`, () => {
    const prefix = `test-${randomUUID()}`;
    beforeEach(() => {
      useEnv({
        REDIS_URL: backend === 'redis' ? REDIS_URL : undefined,
        RATE_LIMIT_REDIS_URL: undefined,
        RATE_LIMIT_PREFIX: prefix,
        RATE_LIMIT_FREE: '3',
        RATE_LIMIT_PRO: '5',
      });
    });

    it('refuses the request after the plan budget is spent, with a retry delay', async () => {
      const tenantId = randomUUID();
      const results = await spend(4, { tenantId, userId: 'u1', plan: 'free' });
      expect(results.slice(0, 3).every((r) => r.ok)).toBe(true);
      expect(results[3]).toMatchObject({ ok: false });
      const last = results[3];
      if (last && !last.ok) expect(last.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    });

    it('gives a bigger plan a bigger budget', async () => {
      const results = await spend(5, { tenantId: randomUUID(), userId: 'u1', plan: 'pro' });
      expect(results.every((r) => r.ok)).toBe(true);
    });

    it('treats an unknown plan as free', async () => {
      const results = await spend(4, { tenantId: randomUUID(), userId: 'u1', plan: 'platinum' });
      expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
    });

    it('keeps separate budgets per tenant and per user', async () => {
      const a = randomUUID();
      const b = randomUUID();
      await spend(3, { tenantId: a, userId: 'u1', plan: 'free' });
      expect((await rateLimit({ tenantId: a, userId: 'u1', plan: 'free' })).ok).toBe(false);
      expect((await rateLimit({ tenantId: b, userId: 'u1', plan: 'free' })).ok).toBe(true);
      expect((await rateLimit({ tenantId: a, userId: 'u2', plan: 'free' })).ok).toBe(true);
    });

    // rateLimitFor sizes a tenant's budget by its subscription (a database read):
    // tests/billing/entitlements.test.ts.
    it('charges pre-tenant actions to their own free bucket (rateLimitFor)', async () => {
      const user = `u-${randomUUID()}`;
      const results = [];
      for (let i = 0; i < 4; i++) results.push((await rateLimitFor('onboarding', user)).ok);
      expect(results).toEqual([true, true, true, false]);
      expect((await rateLimitFor('invitations', user)).ok).toBe(true);
    });

    it('refuses key parts containing ":" so one tenant cannot alias another', async () => {
      await expect(rateLimit({ tenantId: 'a:b', userId: 'u', plan: 'free' })).rejects.toThrow(/":"/);
    });
  });
}

describeWithRedis('rate limit keys in Redis', () => {
  const redis = lazyTestRedis();
  afterAll(() => redis.quit());

  it('stores the budget under <prefix>:rate_limit:<tenant>:<user>', async () => {
    const prefix = `test-${randomUUID()}`;
    useEnv({ REDIS_URL, RATE_LIMIT_PREFIX: prefix, RATE_LIMIT_FREE: '3' });
    const tenantId = randomUUID();
    await rateLimit({ tenantId, userId: 'u1', plan: 'free' });
    expect(await redis.exists(`${prefix}:rate_limit:${tenantId}:u1`)).toBe(1);
    await redis.del(`${prefix}:rate_limit:${tenantId}:u1`);
  });

  it('shares one budget between limiter instances (two app servers)', async () => {
    useEnv({ REDIS_URL, RATE_LIMIT_PREFIX: `test-${randomUUID()}`, RATE_LIMIT_FREE: '3' });
    const tenantId = randomUUID();
    await spend(2, { tenantId, userId: 'u1', plan: 'free' });
    resetRateLimiters(); // a fresh limiter object, like a second process
    await closeSharedRedis();
    const results = await spend(2, { tenantId, userId: 'u1', plan: 'free' });
    expect(results.map((r) => r.ok)).toEqual([true, false]);
  });
});

describe('rateLimitResponse', () => {
  it('is a 429 with Retry-After', async () => {
    const res = rateLimitResponse(7);
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('7');
    expect(await res.json()).toEqual({ error: 'Too many requests, retry in 7s' });
  });
});
