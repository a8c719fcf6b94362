import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { closeRedisConnection, createRedisConnection } from '@/lib/redis/connection';
import { releaseSingleton, singleton } from '@/lib/singleton';
import { getTenancyConfig } from '@/lib/tenants/config';
import { TenantMemoryStateStore } from './memory-store';
import { TenantRedisStateStore } from './redis-store';
import type { TenantStateStore } from './types';

// One bounded cache and ONE shared Redis connection for all tenants (like presence), per process
// rather than per copy of this module (lib/singleton.ts says why).
const CACHE_KEY = 'state.stores';
const REDIS_KEY = 'state.redis';
const cache = () => singleton(CACHE_KEY, () => new LRUCache<string, TenantStateStore>({ max: 10_000 }));

/** The configured state store for `tenantId` (STATE_BACKEND / STATE_REDIS_URL / REDIS_URL). */
export function getTenantStateStore(tenantId: string): TenantStateStore {
  const cached = cache().get(tenantId);
  if (cached) return cached;
  const { backend, redisUrl } = getTenancyConfig().state;
  let store: TenantStateStore;
  if (backend === 'redis') {
    const redis = singleton(REDIS_KEY, () => createRedisConnection(redisUrl!));
    store = new TenantRedisStateStore({ tenantId, redis });
  } else {
    store = new TenantMemoryStateStore({ tenantId });
  }
  cache().set(tenantId, store);
  return store;
}

/** Drops cached stores and closes the shared connection (tests, shutdown). */
export async function resetStateStores(): Promise<void> {
  cache().clear();
  await closeRedisConnection(releaseSingleton<Redis>(REDIS_KEY));
}
