/**
 * Every sidecar node listens for membership changes the app publishes (lib/members/publish-change.ts)
 * and disconnects its own sockets of that user in that tenant. The client reconnects with a token
 * from the app, which re-checks membership: a removed member is refused, a re-roled one gets back in.
 * Needs Redis (the same one as the socket.io adapter); without it, token expiry is the bound.
 * Proven by tests/realtime/session.test.ts.
 */
import type { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import { membershipChangeSchema, membershipChannel } from '@/lib/realtime/membership-channel';
import type { SocketData } from './auth';
import type { Logger } from './logger';

export async function listenForMembershipChanges(
  io: Server,
  subscriber: Redis,
  keyPrefix: string | undefined,
  logger: Logger,
): Promise<void> {
  const channel = membershipChannel(keyPrefix);
  subscriber.on('message', (from: string, message: string) => {
    if (from !== channel) return;
    let raw: unknown;
    try {
      raw = JSON.parse(message);
    } catch {
      return;
    }
    const parsed = membershipChangeSchema.safeParse(raw);
    if (!parsed.success) return;
    const { tenantId, userId, change } = parsed.data;
    let cut = 0;
    for (const socket of io.of('/').sockets.values()) {
      const user = (socket.data as Partial<SocketData>).user;
      if (user?.tenantId !== tenantId || user.sub !== userId) continue;
      socket.disconnect(true);
      cut += 1;
    }
    if (cut > 0) logger.info({ tenantId, userId, change, sockets: cut }, 'membership changed: sockets closed');
  });
  await subscriber.subscribe(channel);
}
