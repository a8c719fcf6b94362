/**
 * Tells every realtime sidecar node to cut a tenant's open sockets (lib/realtime/control.ts), after a
 * suspension or a deletion. Best effort: without Redis there is no channel (new sockets are still
 * refused by the token route), and a Redis error must not undo the suspension — it is logged.
 */
import { env } from '@/lib/env';
import { logger } from '@/lib/log/base';
import { publishTenantDisconnect } from '@/lib/realtime/control';
import { closeRedisConnection, createRedisConnection } from '@/lib/redis/connection';

export async function cutTenantSockets(tenantId: string): Promise<boolean> {
  const url = env.REDIS_URL;
  if (!url) return false;
  const redis = createRedisConnection(url);
  try {
    // The sidecar's channel prefix (realtime-server/config.ts): REALTIME_CHANNEL_PREFIX, else the key prefix.
    const prefix = env.REALTIME_CHANNEL_PREFIX ?? env.REALTIME_KEY_PREFIX ?? 'tenantry';
    await publishTenantDisconnect(redis, prefix, tenantId);
    return true;
  } catch (error) {
    logger.warn({ err: error, tenantId }, 'could not reach the sidecars to cut sockets');
    return false;
  } finally {
    await closeRedisConnection(redis);
  }
}
