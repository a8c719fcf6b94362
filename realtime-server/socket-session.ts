/**
 * A socket's life after the handshake: it lasts only as long as its token.
 *
 * Invariant: a socket is disconnected when its token expires, unless the client presented a fresh
 * token first (`auth:refresh`) — and the app mints one only after re-checking membership
 * (app/api/realtime/token/route.ts), so a removed member is cut within one token lifetime even with
 * no pub/sub. A refresh token must name the same user and tenant. Besides: per-node socket caps
 * (./socket-limits.ts) and a per-socket event budget (./event-rate.ts).
 * Proven by tests/realtime/session.test.ts and tests/realtime/limits.test.ts.
 */
import type { Socket } from 'socket.io';
import { AUTH_EVENTS, EVENT_ERRORS, type RefreshAck, refreshPayloadSchema } from '@/lib/realtime/protocol';
import { RealtimeTokenError, verifyRealtimeToken } from '@/lib/realtime/token';
import type { SocketData } from './auth';
import { type EventRateOptions, EventBucket } from './event-rate';
import type { Logger } from './logger';
import type { SocketLimits } from './socket-limits';

// setTimeout's ceiling; tokens live at most 10 minutes anyway.
const MAX_TIMER_MS = 2 ** 31 - 1;

export function attachSession(
  socket: Socket,
  options: { secret: string; limits: SocketLimits; eventRate: EventRateOptions; logger: Logger },
): boolean {
  const { secret, limits, logger } = options;
  const data = socket.data as SocketData;
  const token = String((socket.handshake.auth as { token?: unknown }).token ?? '');
  // Authoritative count (the handshake's check can race with a concurrent handshake).
  const release = limits.add(data.user, token);
  if (!release) {
    logger.warn({ user: data.user.sub, tenant: data.user.tenantId }, 'realtime socket over cap');
    socket.disconnect(true);
    return false;
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  const scheduleExpiry = (exp: number) => {
    clearTimeout(timer);
    timer = setTimeout(
      () => {
        logger.info({ user: data.user.sub, tenant: data.user.tenantId }, 'realtime token expired: socket closed');
        socket.disconnect(true);
      },
      Math.min(MAX_TIMER_MS, Math.max(0, exp * 1000 - Date.now())),
    );
    timer.unref?.();
  };
  scheduleExpiry(data.user.exp);
  socket.on('disconnect', () => {
    clearTimeout(timer);
    release();
  });

  const bucket = new EventBucket(options.eventRate);
  socket.use((packet, next) => {
    const verdict = bucket.take();
    if (verdict === 'ok') return next();
    const ack = packet[packet.length - 1];
    if (typeof ack === 'function') ack({ ok: false, error: EVENT_ERRORS.rateLimited });
    if (verdict === 'cut') {
      logger.warn({ user: data.user.sub, tenant: data.user.tenantId }, 'realtime socket flooding: closed');
      socket.disconnect(true);
    }
  });

  socket.on(AUTH_EVENTS.refresh, (payload: unknown, ack?: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (r: RefreshAck) => void) : () => {};
    const parsed = refreshPayloadSchema.safeParse(payload);
    if (!parsed.success) return reply({ ok: false, error: 'invalid_payload' });
    verifyRealtimeToken(parsed.data.token, { secret }).then(
      (claims) => {
        if (claims.sub !== data.user.sub || claims.tenantId !== data.user.tenantId)
          return reply({ ok: false, error: 'token_mismatch' });
        data.user = claims;
        scheduleExpiry(claims.exp);
        reply({ ok: true, expiresAt: claims.exp * 1000 });
      },
      (error: unknown) =>
        reply({ ok: false, error: error instanceof RealtimeTokenError ? `token_${error.code}` : 'token_invalid' }),
    );
  });
  return true;
}
