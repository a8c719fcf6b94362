import type { Redis } from 'ioredis';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { closeRedisConnection, createRedisConnection } from '@/lib/redis/connection';
import { releaseSingleton, singleton } from '@/lib/singleton';

/**
 * ONE Redis connection for every rate limiter in this process (lib/singleton.ts), or null when
 * REDIS_URL is unset (memory limiter). A dead Redis fails fast (lib/redis/connection.ts) so the
 * insurance limiter takes over instead of requests hanging; the offline queue stays on so the first
 * request after start waits for the connection instead of silently using the insurance limiter.
 *
 * `commandTimeoutMs` bounds that wait. Without it a command queued while Redis is down only fails
 * when the next reconnect attempt fails, so every rate-limited action and API call stalled for
 * seconds during an outage (tests/reliability/redis-outage.test.ts). It also covers a Redis that
 * accepts but never answers.
 */
const COMMAND_TIMEOUT_MS = 1_000;
const KEY = 'rate-limit.redis';

export function getSharedRedis(): Redis | null {
  return singleton(KEY, () => {
    const url = env.RATE_LIMIT_REDIS_URL ?? env.REDIS_URL;
    if (!url) return null;
    return createRedisConnection(url, {
      commandTimeoutMs: COMMAND_TIMEOUT_MS,
      onError: (err) => logger.warn({ area: 'rate-limit' }, `redis: ${err.message}`),
    });
  });
}

/** Close the connection (tests, shutdown). The next call reconnects. */
export async function closeSharedRedis(): Promise<void> {
  await closeRedisConnection(releaseSingleton<Redis | null>(KEY));
}
