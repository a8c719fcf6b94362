import type { Redis } from 'ioredis';
import { closeRedisConnection, createRedisConnection } from '@/lib/redis/connection';
import { assertTenantId, DEFAULT_KEY_PREFIX, decodeKeyPart, tenantRoot } from './key-parts';
import { namespaceRoot, serialise, stateKey, ttlMs } from './state-keys';
import type { StateKeyOptions, StateSetOptions, TenantStateStore } from './types';

export interface RedisStateOptions {
  tenantId: string;
  /** A shared connection (not closed by this store) … */
  redis?: Redis;
  /** … or a URL for a connection this store owns (closed by `close()`). */
  url?: string;
  keyPrefix?: string;
}

export class TenantRedisStateStore implements TenantStateStore {
  readonly tenantId: string;
  readonly redis: Redis;
  private readonly prefix: string;
  private readonly ownsConnection: boolean;

  constructor(options: RedisStateOptions) {
    assertTenantId(options.tenantId);
    if (!options.redis && !options.url) throw new Error('TenantRedisStateStore needs `redis` or `url`');
    this.tenantId = options.tenantId;
    this.prefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
    this.ownsConnection = !options.redis;
    this.redis = options.redis ?? createRedisConnection(options.url!);
  }

  async get<T = unknown>(key: string, options?: StateKeyOptions): Promise<T | null> {
    const json = await this.redis.get(stateKey(this.prefix, this.tenantId, key, options?.namespace));
    return json === null ? null : (JSON.parse(json) as T);
  }

  async set(key: string, value: unknown, options?: StateSetOptions): Promise<void> {
    const full = stateKey(this.prefix, this.tenantId, key, options?.namespace);
    const ttl = ttlMs(options?.ttlSeconds);
    const json = serialise(value);
    if (ttl === undefined) await this.redis.set(full, json);
    else await this.redis.set(full, json, 'PX', ttl);
  }

  async delete(key: string, options?: StateKeyOptions): Promise<boolean> {
    return (await this.redis.del(stateKey(this.prefix, this.tenantId, key, options?.namespace))) > 0;
  }

  async keys(namespace?: string): Promise<string[]> {
    // The root holds no glob characters (validated tenant id, encoded namespace), so the pattern
    // matches exactly this tenant's namespace.
    const root = namespaceRoot(this.prefix, this.tenantId, namespace);
    const found = new Set<string>();
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${root}*`, 'COUNT', 500);
      cursor = next;
      for (const full of keys) found.add(decodeKeyPart(full.slice(root.length)));
    } while (cursor !== '0');
    return [...found].sort();
  }

  async clearTenant(): Promise<number> {
    // The root ends with ':' and holds no glob characters (validated tenant id): no other tenant matches.
    const pattern = `${tenantRoot(this.prefix, this.tenantId)}:*`;
    let removed = 0;
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) removed += await this.redis.unlink(...keys);
    } while (cursor !== '0');
    return removed;
  }

  async close(): Promise<void> {
    if (this.ownsConnection) await closeRedisConnection(this.redis);
  }
}
