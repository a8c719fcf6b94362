import { getRealtimeSecret } from '@/lib/realtime/token';
import { getTenancyConfig } from '@/lib/tenants/config';
import type { RealtimeServerOptions } from './create-server';
import { DEV_ALLOWED_ORIGINS } from './origins';

type Env = Readonly<Record<string, string | undefined>>;

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/**
 * Sidecar options from the environment. A bad or (in production) missing value is a startup error.
 * REALTIME_PORT (3001), REALTIME_SECRET, REALTIME_ALLOWED_ORIGINS (comma list), presence backend
 * and Redis URL via the tenancy config (PRESENCE_BACKEND, PRESENCE_REDIS_URL, REDIS_URL),
 * REALTIME_PRESENCE_TIMEOUT_MS (15000), REALTIME_HEARTBEAT_MS (5000), REALTIME_KEY_PREFIX (tenantry).
 */
export function realtimeOptionsFromEnv(env: Env = process.env): Omit<RealtimeServerOptions, 'logger'> {
  const production = env.NODE_ENV === 'production';
  const origins = (env.REALTIME_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (origins.length === 0 && production) throw new Error('REALTIME_ALLOWED_ORIGINS is required in production');
  const presence = getTenancyConfig().presence;
  return {
    port: int(env, 'REALTIME_PORT', 3001),
    host: env.REALTIME_HOST || undefined,
    secret: getRealtimeSecret(env),
    allowedOrigins: origins.length > 0 ? origins : DEV_ALLOWED_ORIGINS,
    presenceBackend: presence.backend,
    redisUrl: presence.redisUrl,
    presenceTimeoutMs: int(env, 'REALTIME_PRESENCE_TIMEOUT_MS', 15_000),
    heartbeatMs: int(env, 'REALTIME_HEARTBEAT_MS', 5_000),
    keyPrefix: env.REALTIME_KEY_PREFIX || undefined,
  };
}
