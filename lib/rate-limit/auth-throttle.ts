/**
 * Throttling for the doors that have no tenant behind them: sign-in, sign-up, magic links,
 * password reset and invitation acceptance.
 *
 * Invariant: every attempt spends one point from TWO budgets — the client IP's and the account's
 * (the normalised email, or the user id for invitations) — before any password is checked or any
 * mail is sent; when either is spent the attempt is refused with the same message for a known and
 * an unknown account ("Too many attempts. Try again in N s."), so the limiter itself reveals nothing.
 * Sign-in and invitation acceptance give the points back on success (`forgive`): only failures
 * count there, so a user who types the right password is never locked out by their own sign-ins.
 * Budgets live in Redis when REDIS_URL is set (every instance shares them; an in-memory insurance
 * limiter takes over if Redis fails), in process memory otherwise. Keys are hashed, so no email
 * appears in Redis. Tests: tests/auth/auth-throttle.test.ts (unit, real Redis) and
 * tests/http/auth-throttle-http.test.ts (over `next start`).
 */
import { createHash } from 'node:crypto';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { keyPrefix } from '@/lib/rate-limit';
import { getSharedRedis } from '@/lib/rate-limit/redis';
import { singleton } from '@/lib/singleton';

export type AuthDoor = 'signIn' | 'signUp' | 'magicLink' | 'passwordReset' | 'inviteAccept';

type Budget = { points: number; seconds: number };

/** Attempts per window. Per account is the brute-force bound; per IP bounds one client spraying many accounts. */
export const AUTH_BUDGETS: Readonly<Record<AuthDoor, { account: Budget; ip: Budget }>> = {
  signIn: { account: { points: 10, seconds: 15 * 60 }, ip: { points: 50, seconds: 15 * 60 } },
  signUp: { account: { points: 5, seconds: 60 * 60 }, ip: { points: 20, seconds: 10 * 60 } },
  magicLink: { account: { points: 5, seconds: 15 * 60 }, ip: { points: 20, seconds: 15 * 60 } },
  passwordReset: { account: { points: 5, seconds: 15 * 60 }, ip: { points: 20, seconds: 15 * 60 } },
  inviteAccept: { account: { points: 10, seconds: 15 * 60 }, ip: { points: 30, seconds: 15 * 60 } },
};

export type ThrottleSubject = { ip: string | null; account: string | null | undefined };
export type ThrottleResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export function throttleMessage(retryAfterSeconds: number): string {
  return `Too many attempts. Try again in ${retryAfterSeconds} s.`;
}

const limiters = () => singleton('auth-throttle.limiters', () => new Map<string, RateLimiterAbstract>());

function limiter(door: AuthDoor, scope: 'account' | 'ip'): RateLimiterAbstract {
  const { points, seconds } = AUTH_BUDGETS[door][scope];
  const redis = getSharedRedis();
  const prefix = `${keyPrefix()}:auth:${door}:${scope}`;
  const id = `${redis ? 'redis' : 'memory'}|${prefix}`;
  let found = limiters().get(id);
  if (!found) {
    const options = { keyPrefix: prefix, points, duration: seconds };
    found = redis
      ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) })
      : new RateLimiterMemory(options);
    limiters().set(id, found);
  }
  return found;
}

/** A fixed-length key: no email (or anything client-chosen) is stored as typed. */
function keyOf(value: string): string {
  return createHash('sha256').update(value).digest('base64url').slice(0, 32);
}

function keysOf(subject: ThrottleSubject): { scope: 'account' | 'ip'; key: string }[] {
  const account = subject.account?.trim().toLowerCase();
  return [
    { scope: 'ip', key: keyOf(subject.ip ?? 'unknown') },
    ...(account ? [{ scope: 'account' as const, key: keyOf(account) }] : []),
  ];
}

/**
 * The limiter's refusal (a RateLimiterRes). Checked by shape, not `instanceof`: Next bundles the
 * library into more than one server chunk, and a route handler's copy of the class is not the
 * action's, so `instanceof` missed and the refusal surfaced as a 500.
 */
function isRefusal(error: unknown): error is { msBeforeNext: number } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { msBeforeNext?: unknown }).msBeforeNext === 'number'
  );
}

/** Spends one attempt from the IP's and the account's budget; refused when either is exhausted. */
export async function spendAttempt(door: AuthDoor, subject: ThrottleSubject): Promise<ThrottleResult> {
  let wait = 0;
  for (const { scope, key } of keysOf(subject)) {
    try {
      await limiter(door, scope).consume(key, 1);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      wait = Math.max(wait, Math.ceil(error.msBeforeNext / 1000));
    }
  }
  return wait > 0 ? { ok: false, retryAfterSeconds: Math.max(1, wait) } : { ok: true };
}

/** Whether the next attempt would be refused, without spending one. */
export async function peekAttempt(door: AuthDoor, subject: ThrottleSubject): Promise<ThrottleResult> {
  let wait = 0;
  for (const { scope, key } of keysOf(subject)) {
    const res = await limiter(door, scope).get(key);
    if (res && res.consumedPoints > AUTH_BUDGETS[door][scope].points)
      wait = Math.max(wait, Math.ceil(res.msBeforeNext / 1000));
  }
  return wait > 0 ? { ok: false, retryAfterSeconds: Math.max(1, wait) } : { ok: true };
}

/** Gives back the point a successful attempt spent (sign-in, invitation acceptance). */
export async function forgive(door: AuthDoor, subject: ThrottleSubject): Promise<void> {
  await Promise.all(keysOf(subject).map(({ scope, key }) => limiter(door, scope).reward(key, 1)));
}

/** For password reset (a later feature): one attempt per IP and per email. */
export const spendPasswordResetAttempt = (subject: ThrottleSubject) => spendAttempt('passwordReset', subject);

/** Forget cached limiters (tests that change env between cases). */
export function resetAuthThrottles(): void {
  limiters().clear();
}
