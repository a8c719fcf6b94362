import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { createRedis } from './redis-connection';
import { getTenancyConfig } from '@/lib/tenants/config';
import { TenantMemoryStateStore } from './memory-store';
import { TenantRedisStateStore } from './redis-store';
import type { TenantStateStore } from './types';

// One bounded cache and ONE shared Redis connection for all tenants (like presence).
const cache = new LRUCache<string, TenantStateStore>({ max: 10_000 });
let shared: Redis | undefined;

/** The configured state store for `tenantId` (STATE_BACKEND / STATE_REDIS_URL / REDIS_URL). */
export function getTenantStateStore(tenantId: string): TenantStateStore {
  const cached = cache.get(tenantId);
  if (cached) return cached;
  const { backend, redisUrl } = getTenancyConfig().state;
  let store: TenantStateStore;
  if (backend === 'redis') {
    shared ??= createRedis(redisUrl!);
    store = new TenantRedisStateStore({ tenantId, redis: shared });
  } else {
    store = new TenantMemoryStateStore({ tenantId });
  }
  cache.set(tenantId, store);
  return store;
}

/** Drops cached stores and closes the shared connection (tests, shutdown). */
export async function resetStateStores(): Promise<void> {
  cache.clear();
  const redis = shared;
  shared = undefined;
  await redis?.quit().catch(() => redis.disconnect());
}
