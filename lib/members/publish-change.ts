import 'server-only';
/**
 * Announces a membership change (a removal or a new role) to every realtime sidecar node, which
 * disconnects that user's sockets in that tenant at once (realtime-server/membership-listener.ts);
 * their reconnect needs a fresh token, minted only after membership is re-checked.
 *
 * Uses the sidecar's Redis (the presence Redis: PRESENCE_REDIS_URL, else REDIS_URL) and channel
 * (REALTIME_CHANNEL_PREFIX, else REALTIME_KEY_PREFIX). Without Redis there is nothing to publish to: the bound is then the token
 * lifetime (realtime-server/socket-session.ts). A failed publish is logged, never fails the action —
 * the change itself is already committed. Test: tests/realtime/session.test.ts.
 */
import type { Redis } from 'ioredis';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { type MembershipChange, membershipChannel } from '@/lib/realtime/membership-channel';
import { createRedisConnection } from '@/lib/redis/connection';
import { singleton } from '@/lib/singleton';
import { getTenancyConfig } from '@/lib/tenants/config';

function publisher(): Redis | null {
  return singleton('members.publish-change.redis', () => {
    const url = getTenancyConfig().presence.redisUrl;
    if (!url) return null;
    return createRedisConnection(url, {
      commandTimeoutMs: 1_000,
      onError: (err) => logger.warn({ area: 'membership-publish' }, `redis: ${err.message}`),
    });
  });
}

export async function publishMembershipChange(change: MembershipChange): Promise<void> {
  const redis = publisher();
  if (!redis) return;
  try {
    await redis.publish(
      membershipChannel(env.REALTIME_CHANNEL_PREFIX ?? env.REALTIME_KEY_PREFIX),
      JSON.stringify(change),
    );
  } catch (err) {
    logger.warn({ err, tenantId: change.tenantId }, 'membership change not published (sockets close at token expiry)');
  }
}
