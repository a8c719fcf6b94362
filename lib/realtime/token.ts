/**
 * Realtime tokens: short-lived HS256 JWTs that let a browser open a socket to the sidecar.
 *
 * Invariant: the sidecar trusts a user/tenant pair only if it carries our signature, our issuer and
 * audience, and has not expired (small clock tolerance, bounded lifetime). In production a missing
 * or weak REALTIME_SECRET stops startup; the derived development secret exists only when
 * NODE_ENV !== 'production'. Proven by lib/realtime/token.test.ts and tests/realtime/auth.test.ts.
 */
import { createHash } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { type EnvSource, env, envFrom } from '@/lib/env';

export const REALTIME_ISSUER = 'tenantry';
export const REALTIME_AUDIENCE = 'tenantry-realtime';
const CLOCK_TOLERANCE_SECONDS = 5;
const MAX_LIFETIME_SECONDS = 600;
const MIN_SECRET_LENGTH = 32;

export interface RealtimeTokenInput {
  /** The user id. */
  sub: string;
  tenantId: string;
  /** Lets the sidecar match a client-sent `tenant` given as a slug. */
  tenantSlug?: string;
  name: string;
  image?: string | null;
}

export interface RealtimeClaims {
  sub: string;
  tenantId: string;
  tenantSlug: string | null;
  name: string;
  image: string | null;
  exp: number;
}

const claimsSchema = z.object({
  sub: z.string().min(1).max(256),
  tenantId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/),
  tenantSlug: z.string().max(128).nullish(),
  name: z.string().max(256),
  image: z.string().max(2048).nullish(),
  exp: z.number(),
});

export class RealtimeTokenError extends Error {
  constructor(
    readonly code: 'expired' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'RealtimeTokenError';
  }
}

export class RealtimeConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RealtimeConfigError';
  }
}

/**
 * REALTIME_SECRET (at least 32 characters, lib/env/schema.ts), or — outside production only — a
 * development secret derived from AUTH_SECRET (or a fixed string), so `npm run dev` works with no
 * setup and the Next app and the sidecar agree. `source`: another environment (tests).
 */
export function getRealtimeSecret(source?: EnvSource): string {
  const e = source ? envFrom(source) : env;
  if (e.REALTIME_SECRET) return e.REALTIME_SECRET;
  if (e.NODE_ENV === 'production') throw new RealtimeConfigError('REALTIME_SECRET is required in production');
  return createHash('sha256')
    .update(`tenantry-dev-realtime:${e.AUTH_SECRET ?? ''}`)
    .digest('hex');
}

function key(secret: string): Uint8Array {
  if (secret.length < MIN_SECRET_LENGTH)
    throw new RealtimeConfigError(`realtime secret must be at least ${MIN_SECRET_LENGTH} characters`);
  return new TextEncoder().encode(secret);
}

/** Mints a token for a member (the caller has already checked membership). */
export async function signRealtimeToken(
  input: RealtimeTokenInput,
  options: { secret?: string; expiresInSeconds?: number } = {},
): Promise<string> {
  const expiresIn = options.expiresInSeconds ?? 60;
  if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_LIFETIME_SECONDS) {
    throw new RangeError(`expiresInSeconds must be an integer in 1..${MAX_LIFETIME_SECONDS}`);
  }
  const claims = {
    tenantId: input.tenantId,
    tenantSlug: input.tenantSlug ?? null,
    name: input.name,
    image: input.image ?? null,
  };
  claimsSchema.omit({ exp: true }).parse({ sub: input.sub, ...claims });
  const now = Math.floor(Date.now() / 1000);
  return (
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(input.sub)
      .setIssuer(REALTIME_ISSUER)
      .setAudience(REALTIME_AUDIENCE)
      // A fresh id per token: the sidecar caps sockets per token (realtime-server/socket-limits.ts),
      // and two tokens minted for the same user in the same second must not count as one.
      .setJti(globalThis.crypto.randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + expiresIn)
      .sign(key(options.secret ?? getRealtimeSecret()))
  );
}

/** Verifies a token; throws RealtimeTokenError ('expired' | 'invalid') on any problem. */
export async function verifyRealtimeToken(token: unknown, options: { secret?: string } = {}): Promise<RealtimeClaims> {
  if (typeof token !== 'string' || token.length === 0 || token.length > 4096)
    throw new RealtimeTokenError('invalid', 'missing or malformed token');
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, key(options.secret ?? getRealtimeSecret()), {
      algorithms: ['HS256'],
      issuer: REALTIME_ISSUER,
      audience: REALTIME_AUDIENCE,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      maxTokenAge: MAX_LIFETIME_SECONDS,
      requiredClaims: ['exp', 'iat', 'sub'],
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new RealtimeTokenError('expired', 'token expired');
    throw new RealtimeTokenError('invalid', error instanceof Error ? error.message : 'invalid token');
  }
  const parsed = claimsSchema.safeParse(payload);
  if (!parsed.success) throw new RealtimeTokenError('invalid', 'token claims are malformed');
  const { sub, tenantId, tenantSlug, name, image, exp } = parsed.data;
  return { sub, tenantId, tenantSlug: tenantSlug ?? null, name, image: image ?? null, exp };
}
