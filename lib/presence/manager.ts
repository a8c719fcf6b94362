import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { env } from '@/lib/env';
import { closeRedisConnection, createRedisConnection } from '@/lib/redis/connection';
import { releaseSingleton, singleton } from '@/lib/singleton';
import { getTenancyConfig } from '@/lib/tenants/config';
import { TenantAwareMemoryBackend } from './memory-backend';
import { TenantAwareRedisBackend } from './redis-backend';
import type { PresenceBackend } from './types';

export interface PresenceManagerOptions {
  backend: 'memory' | 'redis';
  /** Used when `backend` is redis and no `redis` connection is given. */
  redisUrl?: string | null;
  /** A connection to share (not closed by the manager). */
  redis?: Redis;
  keyPrefix?: string;
  timeoutMs?: number;
  /** How many tenant backends to keep; evicting one is harmless (they are stateless views). */
  maxTenants?: number;
}

// One app-wide manager per process, not per copy of this module (lib/singleton.ts says why).
const DEFAULT_MANAGER_KEY = 'presence.manager';

/**
 * Hands out one presence backend per tenant, cached in a bounded LRU. All Redis backends of a
 * manager share ONE connection: a busy server with thousands of tenants must not open thousands of
 * sockets to Redis.
 */
export class TenantPresenceManager {
  private readonly cache: LRUCache<string, PresenceBackend>;
  private redis: Redis | undefined;
  private readonly ownsRedis: boolean;

  constructor(readonly options: PresenceManagerOptions) {
    if (options.backend === 'redis' && !options.redis && !options.redisUrl) {
      throw new Error('presence backend "redis" needs PRESENCE_REDIS_URL or REDIS_URL');
    }
    this.cache = new LRUCache({ max: options.maxTenants ?? 10_000 });
    this.redis = options.redis;
    this.ownsRedis = !options.redis;
  }

  /** The backend for `tenantId` (the same instance while it stays in the cache). */
  get(tenantId: string): PresenceBackend {
    const cached = this.cache.get(tenantId);
    if (cached) return cached;
    const { timeoutMs, keyPrefix } = this.options;
    const backend =
      this.options.backend === 'redis'
        ? new TenantAwareRedisBackend({ tenantId, redis: this.connection(), timeoutMs, keyPrefix })
        : new TenantAwareMemoryBackend({ tenantId, timeoutMs });
    this.cache.set(tenantId, backend);
    return backend;
  }

  /** The shared Redis connection (opened on first use), or undefined for the memory backend. */
  connection(): Redis {
    this.redis ??= createRedisConnection(this.options.redisUrl!);
    return this.redis;
  }

  async close(): Promise<void> {
    this.cache.clear();
    if (this.ownsRedis) await closeRedisConnection(this.redis);
    this.redis = undefined;
  }

  /**
   * The app-wide manager, configured by `tenancy.config.ts` / PRESENCE_BACKEND / PRESENCE_REDIS_URL /
   * REDIS_URL, with the sidecar's key prefix (REALTIME_KEY_PREFIX) so Next reads what the sidecar writes.
   */
  static default(): TenantPresenceManager {
    return singleton(DEFAULT_MANAGER_KEY, () => {
      const { backend, redisUrl } = getTenancyConfig().presence;
      return new TenantPresenceManager({ backend, redisUrl, keyPrefix: env.REALTIME_KEY_PREFIX });
    });
  }

  /** `TenantPresenceManager.forTenant('acme')` — the documented entry point, on the app-wide manager. */
  static forTenant(tenantId: string): PresenceBackend {
    return TenantPresenceManager.default().get(tenantId);
  }

  /** Closes and forgets the app-wide manager (tests, shutdown). */
  static async resetDefault(): Promise<void> {
    await releaseSingleton<TenantPresenceManager>(DEFAULT_MANAGER_KEY)?.close();
  }
}

/** The configured presence backend for `tenantId`. */
export function getTenantPresenceBackend(tenantId: string): PresenceBackend {
  return TenantPresenceManager.forTenant(tenantId);
}
