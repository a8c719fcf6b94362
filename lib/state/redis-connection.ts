import { Redis } from 'ioredis';

/** A connection that fails fast instead of queueing forever when Redis is down. */
export function createRedis(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 2 });
  // Without a listener, connection errors surface as unhandled 'error' events and crash the process;
  // callers see the failure on the command instead (and healthCheck reports `degraded`).
  redis.on('error', () => {});
  return redis;
}
