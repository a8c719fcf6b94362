// What a Redis-backed suite needs to know about this run's Redis (chosen by tests/setup/global-redis.ts).
import { Redis } from 'ioredis';
import { describe } from 'vitest';

/** REDIS_URL, or the throw-away redis-server of this run; undefined when there is neither. */
export const testRedisUrl: string | undefined = process.env.TENANTRY_TEST_REDIS_URL || undefined;

/** The redis-server binary, for suites that start and stop their own; undefined when none is installed. */
export const redisServerBinary: string | undefined = process.env.TENANTRY_REDIS_SERVER || undefined;

/** `describe` when this run has a Redis, else `describe.skip` (the run's first lines say how to get one). */
export const describeWithRedis = testRedisUrl ? describe : describe.skip;

/**
 * A client for this run's Redis that dials on its first command, so a module can create it at the
 * top and a suite skipped for want of Redis never connects. Close it with `closeTestRedis`.
 */
export function lazyTestRedis(): Redis {
  return new Redis(testRedisUrl ?? 'redis://redis.invalid', { lazyConnect: true });
}

/** Deletes the keys matching `pattern` and closes `redis`; only closes it when the run has no Redis. */
export async function closeTestRedis(redis: Redis, pattern: string): Promise<void> {
  if (!testRedisUrl) return redis.disconnect();
  const keys = await redis.keys(pattern);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}
