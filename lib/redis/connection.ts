import { Redis } from 'ioredis';

/**
 * Every Redis connection Tenantry opens — presence, tenant state, rate limits and the socket.io
 * adapter — comes from here, so all of them behave the same way when Redis goes away.
 *
 * The retry policy: a command is retried on at most one reconnect, then fails, so a request never
 * queues behind a dead Redis (presence reports `degraded`, the rate limiter falls back to its
 * in-memory insurance, pages keep rendering). Reconnects back off to at most 2 s, so service
 * resumes within seconds of Redis returning (ioredis' default backs off to 5 s).
 * Proven end to end by tests/reliability/redis-outage.test.ts.
 */
const MAX_RECONNECT_DELAY_MS = 2_000;

export type RedisConnectionOptions = {
  /**
   * Fail a command that got no answer in this many ms. For callers on a request's critical path
   * (the rate limiter): a command queued while Redis is down otherwise waits for the next reconnect
   * attempt, and a Redis that accepts connections but never answers would hang the request.
   */
  commandTimeoutMs?: number;
  /** Where connection errors go. Default: nowhere, because callers see the failure on their command. */
  onError?: (error: Error) => void;
};

export function createRedisConnection(url: string, options: RedisConnectionOptions = {}): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 200, MAX_RECONNECT_DELAY_MS),
    commandTimeout: options.commandTimeoutMs,
  });
  // Without a listener an 'error' event is unhandled and crashes the process.
  redis.on('error', options.onError ?? (() => {}));
  return redis;
}

/** Closes `redis` politely, or drops it when Redis is unreachable (QUIT would wait for a reply). */
export async function closeRedisConnection(redis: Redis | null | undefined): Promise<void> {
  await redis?.quit().catch(() => redis.disconnect());
}
