import { type EnvSource, env, envFrom } from '@/lib/env';
import { getRealtimeSecret } from '@/lib/realtime/token';
import { getTenancyConfig } from '@/lib/tenants/config';
import type { RealtimeServerOptions } from './create-server';
import { DEV_ALLOWED_ORIGINS } from './origins';

/**
 * Sidecar options from the environment (lib/env; `source` for tests). A bad or (in production)
 * missing value is a startup error. REALTIME_PORT (3001), REALTIME_HOST, REALTIME_SECRET,
 * REALTIME_ALLOWED_ORIGINS (comma list), presence backend and Redis URL via the tenancy config
 * (PRESENCE_BACKEND, PRESENCE_REDIS_URL, REDIS_URL), REALTIME_PRESENCE_TIMEOUT_MS (15000),
 * REALTIME_HEARTBEAT_MS (5000), REALTIME_KEY_PREFIX (tenantry), REALTIME_CHANNEL_PREFIX (the key prefix).
 */
export function realtimeOptionsFromEnv(source?: EnvSource): Omit<RealtimeServerOptions, 'logger'> {
  const e = source ? envFrom(source) : env;
  const origins = e.REALTIME_ALLOWED_ORIGINS ?? [];
  if (origins.length === 0 && e.NODE_ENV === 'production')
    throw new Error('REALTIME_ALLOWED_ORIGINS is required in production');
  const presence = getTenancyConfig().presence;
  return {
    port: e.REALTIME_PORT,
    host: e.REALTIME_HOST,
    secret: getRealtimeSecret(source),
    allowedOrigins: origins.length > 0 ? origins : DEV_ALLOWED_ORIGINS,
    // Custom domains: the sidecar asks the app (signed, cached) about Origins outside the list.
    customDomainLookupOrigin: e.DOMAIN_LOOKUP_ORIGIN ?? e.APP_URL ?? null,
    presenceBackend: presence.backend,
    redisUrl: presence.redisUrl,
    presenceTimeoutMs: e.REALTIME_PRESENCE_TIMEOUT_MS,
    heartbeatMs: e.REALTIME_HEARTBEAT_MS,
    keyPrefix: e.REALTIME_KEY_PREFIX,
    channelPrefix: e.REALTIME_CHANNEL_PREFIX,
  };
}
