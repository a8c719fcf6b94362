/**
 * Per-tenant, per-user rate limiting for server actions and API routes.
 *
 * Invariant: one budget per `rate_limit:<tenantId>:<userId>`, sized by the tenant's plan, shared by
 * every instance when REDIS_URL is set (RateLimiterRedis), per process otherwise (RateLimiterMemory).
 * A tenant cannot spend another tenant's budget: the key is built from the trusted tenant id, never
 * from client input. If Redis is unreachable an in-memory insurance limiter keeps limiting rather
 * than failing open. Tests: tests/auth/rate-limit.test.ts, tests/auth/tenant-action.test.ts.
 *
 * Library: rate-limiter-flexible (maintained, atomic Redis scripts) instead of a hand-written counter.
 */
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { env } from '@/lib/env';
import { singleton } from '@/lib/singleton';
import { getSharedRedis } from './redis';

export type Plan = 'free' | 'pro' | 'enterprise';
export const PLANS: readonly Plan[] = ['free', 'pro', 'enterprise'];

/** Requests per window for each plan; RATE_LIMIT_FREE / _PRO / _ENTERPRISE override (tests use small numbers). */
export const PLAN_POINTS: Readonly<Record<Plan, number>> = { free: 60, pro: 300, enterprise: 1200 };
const PLAN_ENV = { free: 'RATE_LIMIT_FREE', pro: 'RATE_LIMIT_PRO', enterprise: 'RATE_LIMIT_ENTERPRISE' } as const;

export type RateLimitInput = { tenantId: string; userId: string; plan?: unknown };
export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export function normalizePlan(plan: unknown): Plan {
  return typeof plan === 'string' && (PLANS as readonly string[]).includes(plan) ? (plan as Plan) : 'free';
}

export function planPoints(plan: Plan): number {
  return env[PLAN_ENV[plan]] ?? PLAN_POINTS[plan];
}

/** `rate_limit`, or `<RATE_LIMIT_PREFIX>:rate_limit` so a test run owns its own keys in a shared Redis. */
export function keyPrefix(): string {
  const extra = env.RATE_LIMIT_PREFIX;
  return extra ? `${extra}:rate_limit` : 'rate_limit';
}

// One set of limiters per process, not per copy of this module (lib/singleton.ts): in memory mode
// a page, an action and a route handler must spend the same budget.
const limiters = () => singleton('rate-limit.limiters', () => new Map<string, RateLimiterAbstract>());

function limiterFor(plan: Plan): RateLimiterAbstract {
  const points = planPoints(plan);
  const duration = env.RATE_LIMIT_WINDOW_SECONDS;
  const prefix = keyPrefix();
  const redis = getSharedRedis();
  const id = `${redis ? 'redis' : 'memory'}|${prefix}|${plan}|${points}|${duration}`;
  let limiter = limiters().get(id);
  if (!limiter) {
    const options = { keyPrefix: prefix, points, duration };
    limiter = redis
      ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) })
      : new RateLimiterMemory(options);
    limiters().set(id, limiter);
  }
  return limiter;
}

/** The key inside the prefix; ':' cannot occur in cuid ids, so one tenant can never alias another. */
export function rateLimitKey(tenantId: string, userId: string): string {
  if (tenantId.includes(':') || userId.includes(':')) throw new Error('rate limit key parts must not contain ":"');
  return `${tenantId}:${userId}`;
}

/** Spends one point of the user's budget in this tenant. */
export async function rateLimit({ tenantId, userId, plan }: RateLimitInput): Promise<RateLimitResult> {
  const limiter = limiterFor(normalizePlan(plan));
  try {
    const res = await limiter.consume(rateLimitKey(tenantId, userId), 1);
    return { ok: true, remaining: res.remainingPoints };
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
    }
    throw error;
  }
}

/** The 429 a route handler returns when `rateLimit` said no. */
export function rateLimitResponse(retryAfterSeconds: number): Response {
  return Response.json(
    { error: `Too many requests, retry in ${retryAfterSeconds}s` },
    { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
  );
}

/** The inline message a form shows. */
export function rateLimitMessage(retryAfterSeconds: number): string {
  return `Too many requests, retry in ${retryAfterSeconds}s`;
}

/** Forget cached limiters (tests that change env between cases). */
export function resetRateLimiters(): void {
  limiters().clear();
}
