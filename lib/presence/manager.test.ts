import { afterAll, describe, expect, it } from 'vitest';
import { getTenancyConfig } from '@/lib/tenants/config';
import { getTenantPresenceBackend, TenantPresenceManager } from './manager';
import { TenantAwareMemoryBackend } from './memory-backend';
import { TenantAwareRedisBackend } from './redis-backend';

const prefix = `test-manager-${process.pid}-${Date.now().toString(36)}`;
const redisManager = new TenantPresenceManager({
  backend: 'redis',
  redisUrl: 'redis://127.0.0.1:6379',
  keyPrefix: prefix,
  maxTenants: 2,
});

afterAll(async () => {
  const redis = redisManager.connection();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redisManager.close();
  await TenantPresenceManager.resetDefault();
});

describe('TenantPresenceManager', () => {
  it('returns the same backend instance for the same tenant id', () => {
    expect(TenantPresenceManager.forTenant('acme')).toBe(TenantPresenceManager.forTenant('acme'));
    expect(TenantPresenceManager.forTenant('acme')).not.toBe(TenantPresenceManager.forTenant('globex'));
    expect(TenantPresenceManager.forTenant('acme').tenantId).toBe('acme');
  });

  it('builds the backend the tenancy config names (PRESENCE_BACKEND / REDIS_URL)', () => {
    const expected =
      getTenancyConfig().presence.backend === 'redis' ? TenantAwareRedisBackend : TenantAwareMemoryBackend;
    expect(getTenantPresenceBackend('acme')).toBeInstanceOf(expected);
    expect(getTenantPresenceBackend('acme')).toBe(TenantPresenceManager.forTenant('acme'));
  });

  it('shares one Redis connection between all tenants', async () => {
    const a = redisManager.get('acme') as TenantAwareRedisBackend;
    const b = redisManager.get('globex') as TenantAwareRedisBackend;
    expect(a.redis).toBe(b.redis);
    expect(a.redis).toBe(redisManager.connection());
    await a.join('doc', 'alice');
    expect(await b.count('doc')).toBe(0);
    expect(await a.count('doc')).toBe(1);
  });

  it('keeps its cache bounded', () => {
    const first = redisManager.get('t1');
    redisManager.get('t2');
    redisManager.get('t3');
    expect(redisManager.get('t1')).not.toBe(first);
  });

  it('refuses a redis backend without a URL', () => {
    expect(() => new TenantPresenceManager({ backend: 'redis' })).toThrow(/REDIS_URL/);
  });
});
