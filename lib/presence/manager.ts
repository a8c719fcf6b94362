import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { getTenancyConfig } from '@/lib/tenants/config';
import { TenantAwareMemoryBackend } from './memory-backend';
import { createRedis } from '@/lib/state/redis-connection';
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

/**
 * Hands out one presence backend per tenant, cached in a bounded LRU. All Redis backends of a
 * manager share ONE connection: a busy server with thousands of tenants must not open thousands of
 * sockets to Redis.
 */
export class TenantPresenceManager {
  private static defaultManager: TenantPresenceManager | undefined;
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
    this.redis ??= createRedis(this.options.redisUrl!);
    return this.redis;
  }

  async close(): Promise<void> {
    this.cache.clear();
    if (this.redis && this.ownsRedis) await this.redis.quit().catch(() => this.redis?.disconnect());
    this.redis = undefined;
  }

  /** The app-wide manager, configured by `tenancy.config.ts` / PRESENCE_BACKEND / PRESENCE_REDIS_URL / REDIS_URL. */
  static default(): TenantPresenceManager {
    if (!TenantPresenceManager.defaultManager) {
      const { backend, redisUrl } = getTenancyConfig().presence;
      TenantPresenceManager.defaultManager = new TenantPresenceManager({ backend, redisUrl });
    }
    return TenantPresenceManager.defaultManager;
  }

  /** `TenantPresenceManager.forTenant('acme')` — the original's entry point, on the app-wide manager. */
  static forTenant(tenantId: string): PresenceBackend {
    return TenantPresenceManager.default().get(tenantId);
  }

  /** Closes and forgets the app-wide manager (tests, shutdown). */
  static async resetDefault(): Promise<void> {
    const manager = TenantPresenceManager.defaultManager;
    TenantPresenceManager.defaultManager = undefined;
    await manager?.close();
  }
}

/** The configured presence backend for `tenantId`. */
export function getTenantPresenceBackend(tenantId: string): PresenceBackend {
  return TenantPresenceManager.forTenant(tenantId);
}
