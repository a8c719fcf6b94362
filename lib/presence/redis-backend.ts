import type { Redis } from 'ioredis';
import { assertTenantId, DEFAULT_KEY_PREFIX, decodeKeyPart, encodeKeyPart, tenantRoot } from '@/lib/state/key-parts';
import { closeRedisConnection, createRedisConnection } from '@/lib/redis/connection';
import { byJoin } from './memory-backend';
import { scripts } from './redis-scripts';
import {
  DEFAULT_PRESENCE_TIMEOUT_MS,
  type PresenceBackend,
  type PresenceHealth,
  type PresenceMeta,
  type PresenceRecord,
} from './types';

/**
 * Redis presence for one tenant.
 *
 * Keys: `<prefix>:tenant:<tenantId>:presence:<encoded key>:hb` (sorted set user → last heartbeat),
 * `…:meta` (hash user → "<joinedAt>|<meta json>"), `…:gone` (pruned users not yet announced by a
 * sweep) and `<prefix>:tenant:<tenantId>:presence-keys` (set of live encoded keys). All carry a TTL refreshed by joins and
 * heartbeats, so an abandoned room disappears even if no node is left to sweep it.
 *
 * Invariant: the tenant id is validated and the presence key is encoded (key-parts.ts), so no input
 * reaches another tenant's keys; user ids are only ever hash fields / set members, never key parts.
 * Proven by lib/presence/presence-contract.test.ts, run against real Redis.
 */

export interface RedisBackendOptions {
  tenantId: string;
  /** A shared connection (not closed by this backend) … */
  redis?: Redis;
  /** … or a URL for a connection this backend owns (closed by `close()`). */
  url?: string;
  timeoutMs?: number;
  /** Key prefix, default `tenantry`; tests use a unique one per run. */
  keyPrefix?: string;
  /** Clock in epoch ms; tests inject one to step time. Nodes should run NTP-synced clocks. */
  now?: () => number;
}

const HEALTH_TIMEOUT_MS = 1_000;

export class TenantAwareRedisBackend implements PresenceBackend {
  readonly tenantId: string;
  readonly timeoutMs: number;
  readonly redis: Redis;
  private readonly ownsConnection: boolean;
  private readonly root: string;
  private readonly now: () => number;

  constructor(options: RedisBackendOptions) {
    assertTenantId(options.tenantId);
    if (!options.redis && !options.url) throw new Error('TenantAwareRedisBackend needs `redis` or `url`');
    this.tenantId = options.tenantId;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_PRESENCE_TIMEOUT_MS;
    this.root = tenantRoot(options.keyPrefix ?? DEFAULT_KEY_PREFIX, options.tenantId);
    this.now = options.now ?? Date.now;
    this.ownsConnection = !options.redis;
    this.redis = options.redis ?? createRedisConnection(options.url!);
  }

  private keys(key: string): [string, string, string, string] {
    const base = `${this.root}:presence:${encodeKeyPart(key, 'presence key')}`;
    return [`${base}:hb`, `${base}:meta`, this.indexKey(), `${base}:gone`];
  }

  private indexKey(): string {
    return `${this.root}:presence-keys`;
  }

  private cutoff(): number {
    return this.now() - this.timeoutMs;
  }

  private ttlMs(): number {
    return Math.max(2 * this.timeoutMs, 1_000);
  }

  async join(key: string, userId: string, meta: PresenceMeta = {}): Promise<PresenceRecord> {
    const keys = this.keys(key);
    encodeKeyPart(userId, 'user id');
    const now = this.now();
    const joined = await scripts.join.run(this.redis, keys, [
      userId,
      now,
      now - this.timeoutMs,
      JSON.stringify(meta),
      this.ttlMs(),
      encodeKeyPart(key),
    ]);
    return { id: userId, tenantId: this.tenantId, joinedAt: Number(joined), meta: structuredClone(meta) };
  }

  async leave(key: string, userId: string): Promise<PresenceRecord | null> {
    const keys = this.keys(key);
    encodeKeyPart(userId, 'user id');
    const prev = await scripts.leave.run(this.redis, keys, [userId]);
    return typeof prev === 'string' ? this.parse(userId, prev) : null;
  }

  async list(key: string): Promise<PresenceRecord[]> {
    const pairs = await scripts.list.run(this.redis, this.keys(key), [this.cutoff()]);
    return this.parsePairs(pairs).sort(byJoin);
  }

  async count(key: string): Promise<number> {
    return (await this.prune(key)).live;
  }

  private async prune(key: string): Promise<{ live: number; removed: number }> {
    const [live, removed] = (await scripts.count.run(this.redis, this.keys(key), [this.cutoff()])) as [number, number];
    return { live: Number(live), removed: Number(removed) };
  }

  async heartbeat(key: string, userId: string): Promise<boolean> {
    const keys = this.keys(key);
    encodeKeyPart(userId, 'user id');
    const now = this.now();
    return (await scripts.heartbeat.run(this.redis, keys, [userId, now, now - this.timeoutMs, this.ttlMs()])) === 1;
  }

  async sweep(key: string): Promise<PresenceRecord[]> {
    const result = (await scripts.sweep.run(this.redis, this.keys(key), [
      this.cutoff(),
      encodeKeyPart(key),
    ])) as unknown[];
    return this.parsePairs(result.slice(1));
  }

  /** Keys currently holding presence for this tenant (decoded). */
  async activeKeys(): Promise<string[]> {
    return (await this.redis.smembers(this.indexKey())).map(decodeKeyPart);
  }

  /** Prunes every key of the tenant. The pruned users are still announced by the next `sweep(key)`. */
  async cleanupStale(): Promise<number> {
    let removed = 0;
    for (const key of await this.activeKeys()) removed += (await this.prune(key)).removed;
    return removed;
  }

  async clearTenant(): Promise<void> {
    // SCAN rather than the index alone, so keys whose index entry expired are cleared too.
    // The pattern cannot match another tenant: the root has no glob characters and ends with ':'.
    const pattern = `${this.root}:presence*`;
    let cursor = '0';
    do {
      const [next, found] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      if (found.length > 0) await this.redis.unlink(...found);
    } while (cursor !== '0');
  }

  async healthCheck(): Promise<PresenceHealth> {
    const base = { backend: 'redis' as const, tenantId: this.tenantId };
    try {
      const presenceCount = await withTimeout(this.countAll(), HEALTH_TIMEOUT_MS);
      return { ...base, status: 'ok', presenceCount };
    } catch (error) {
      return {
        ...base,
        status: 'degraded',
        presenceCount: 0,
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }

  /** Closes the connection if this backend opened it. */
  async close(): Promise<void> {
    if (this.ownsConnection) await closeRedisConnection(this.redis);
  }

  private async countAll(): Promise<number> {
    let total = 0;
    for (const key of await this.activeKeys()) total += await this.count(key);
    return total;
  }

  private parsePairs(pairs: unknown): PresenceRecord[] {
    if (!Array.isArray(pairs)) return [];
    const records: PresenceRecord[] = [];
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const record = this.parse(String(pairs[i]), String(pairs[i + 1]));
      if (record) records.push(record);
    }
    return records;
  }

  private parse(userId: string, stored: string): PresenceRecord | null {
    const bar = stored.indexOf('|');
    if (bar < 0) return null;
    try {
      const meta: unknown = JSON.parse(stored.slice(bar + 1));
      const safeMeta = meta && typeof meta === 'object' && !Array.isArray(meta) ? (meta as PresenceMeta) : {};
      return { id: userId, tenantId: this.tenantId, joinedAt: Number(stored.slice(0, bar)), meta: safeMeta };
    } catch {
      return null;
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
