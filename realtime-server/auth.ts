/**
 * Handshake authentication for the realtime sidecar (runs in `io.use()`, before any event).
 *
 * Invariant: a socket is admitted only with an allowed Origin (the configured list, or a verified
 * custom domain: ./create-server.ts) and a valid realtime token taken from
 * `socket.handshake.auth.token` — never from the query string (which ends up in logs and proxies).
 * A client-sent `tenant` that disagrees with the token is refused. The verified claims are the only
 * source of user and tenant for everything the socket does afterwards (until they expire or are
 * refreshed: ./socket-session.ts). A user or token over its socket cap is refused (./socket-limits.ts).
 * Proven by tests/realtime/auth.test.ts.
 */
import type { ExtendedError, Socket } from 'socket.io';
import { AUTH_ERRORS, handshakeAuthSchema } from '@/lib/realtime/protocol';
import { type RealtimeClaims, RealtimeTokenError, verifyRealtimeToken } from '@/lib/realtime/token';
import type { Logger } from './logger';
import type { SocketLimits } from './socket-limits';

export interface SocketData {
  user: RealtimeClaims;
}

type AuthCode = (typeof AUTH_ERRORS)[keyof typeof AUTH_ERRORS];

function refuse(code: AuthCode): ExtendedError {
  // The message is what socket.io-client shows in `connect_error`; keep it a stable code.
  const error: ExtendedError = new Error(code);
  error.data = { code };
  return error;
}

const TOKEN_IN_QUERY = /token|jwt|auth/i;

export function createAuthMiddleware(options: {
  secret: string;
  isOriginAllowed: (origin: string | undefined) => boolean | Promise<boolean>;
  logger: Logger;
  limits?: SocketLimits;
}) {
  const { secret, isOriginAllowed, logger, limits } = options;
  return async (socket: Socket, next: (err?: ExtendedError) => void): Promise<void> => {
    const origin = socket.handshake.headers.origin;
    const deny = (code: AuthCode, detail?: string) => {
      logger.warn({ code, origin, address: socket.handshake.address, detail }, 'realtime handshake refused');
      next(refuse(code));
    };

    if (!(await isOriginAllowed(origin))) return deny(AUTH_ERRORS.origin);
    if (Object.keys(socket.handshake.query).some((name) => TOKEN_IN_QUERY.test(name)))
      return deny(AUTH_ERRORS.tokenInQuery);

    const auth = handshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) return deny(AUTH_ERRORS.missingToken);

    let claims: RealtimeClaims;
    try {
      claims = await verifyRealtimeToken(auth.data.token, { secret });
    } catch (error) {
      if (error instanceof RealtimeTokenError) {
        return deny(error.code === 'expired' ? AUTH_ERRORS.expired : AUTH_ERRORS.invalid, error.message);
      }
      logger.error({ err: error }, 'realtime token verification failed');
      return deny(AUTH_ERRORS.invalid);
    }

    const tenant = auth.data.tenant;
    if (tenant !== undefined && tenant !== claims.tenantId && tenant !== claims.tenantSlug) {
      return deny(AUTH_ERRORS.tenantMismatch, `token tenant ${claims.tenantId}`);
    }

    // A clear refusal for the common case; socket-session.ts re-counts authoritatively on connection.
    if (limits && !limits.fits(claims, auth.data.token)) return deny(AUTH_ERRORS.tooManySockets);

    (socket.data as SocketData).user = claims;
    next();
  };
}
