// Redis for the whole vitest run (called from tests/setup/global-setup.ts), like global-db.ts.
//   1. REDIS_URL set → the Redis-backed suites use that server.
//   2. Unset, and a `redis-server` is installed (REDIS_SERVER, else PATH) → a throw-away one on a
//      free port, without persistence, stopped at teardown.
//   3. Neither → the Redis-backed suites skip, and one line says how to run them.
// The workers (forked after global setup) read the choice from TENANTRY_TEST_REDIS_URL and the
// binary from TENANTRY_REDIS_SERVER (tests/setup/test-redis.ts). REDIS_URL itself is left alone,
// so an app started by a suite keeps the in-memory presence, state and rate limits a fresh
// `npm run dev` has without Redis.
import { freePort } from '../fixtures/free-port';
import { findRedisServer, startRedisServer } from './redis-server';

export const REDIS_SUITES =
  'presence and state contracts, presence manager, rate limits, realtime sidecar, Redis outage';

export async function setupTestRedis(): Promise<() => Promise<void>> {
  const binary = findRedisServer();
  process.env.TENANTRY_REDIS_SERVER = binary ?? '';
  const configured = process.env.REDIS_URL?.trim();
  if (configured) {
    process.env.TENANTRY_TEST_REDIS_URL = configured;
    if (!binary)
      console.warn(
        'Redis outage suite skipped: it starts its own redis-server and none is installed (install redis-server or set REDIS_SERVER=/path/to/redis-server).',
      );
    return async () => {};
  }
  if (!binary) {
    process.env.TENANTRY_TEST_REDIS_URL = '';
    console.warn(
      `Redis-backed suites skipped (${REDIS_SUITES}): no REDIS_URL and no redis-server installed; install redis-server or set REDIS_URL=redis://host:port to run them.`,
    );
    return async () => {};
  }
  const server = await startRedisServer(binary, await freePort());
  process.env.TENANTRY_TEST_REDIS_URL = server.url;
  return server.stop;
}
