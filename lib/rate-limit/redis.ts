import { Redis } from 'ioredis';
import { logger } from '@/lib/log/logger';

/**
 * ONE ioredis connection for every rate limiter in this process, or null when REDIS_URL is unset
 * (memory limiter). `maxRetriesPerRequest: 1` makes a dead Redis fail fast so the insurance
 * limiter takes over instead of requests hanging; the offline queue stays on so the first request
 * after start waits for the connection instead of silently using the insurance limiter.
 *
 * `commandTimeout` bounds that wait. Without it a command queued while Redis is down only fails
 * when the next reconnect attempt fails, and ioredis 6 backs off up to 5 s between attempts, so
 * every rate-limited action and API call stalled 5–10 s during an outage
 * (tests/reliability/redis-outage.test.ts). It also covers a Redis that accepts but never answers.
 */
const COMMAND_TIMEOUT_MS = 1_000;

let shared: Redis | null | undefined;

export function getSharedRedis(): Redis | null {
  if (shared !== undefined) return shared;
  const url = process.env.RATE_LIMIT_REDIS_URL || process.env.REDIS_URL;
  shared = url ? new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: COMMAND_TIMEOUT_MS }) : null;
  shared?.on('error', (err) => logger.warn({ area: 'rate-limit' }, `redis: ${err.message}`));
  return shared;
}

/** Close the connection (tests, shutdown). The next call reconnects. */
export async function closeSharedRedis(): Promise<void> {
  const redis = shared;
  shared = undefined;
  await redis?.quit().catch(() => redis.disconnect());
}
