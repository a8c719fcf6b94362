import { createHash } from 'node:crypto';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { keyPrefix, type RateLimitResult } from '@/lib/rate-limit';
import { getSharedRedis } from '@/lib/rate-limit/redis';
import { singleton } from '@/lib/singleton';

/**
 * Budgets for the account forms that send mail (sign-up, password reset): per address and per
 * client IP, in the rate limiter's store (Redis when configured, shared by every instance). Far
 * tighter than an action budget, because each call can mail a stranger. The address is hashed in
 * the key, so Redis never holds it.
 */
const WINDOW_SECONDS = 15 * 60;
const BUDGETS = { email: 5, ip: 30 } as const;

function limiter(kind: keyof typeof BUDGETS): RateLimiterAbstract {
  const prefix = `${keyPrefix()}:account-${kind}`;
  const redis = getSharedRedis();
  // Keyed by prefix and store, like lib/rate-limit's limiters: a test that changes RATE_LIMIT_PREFIX gets its own.
  return singleton(`accounts.throttle.${redis ? 'redis' : 'memory'}.${prefix}`, () => {
    const options = { keyPrefix: prefix, points: BUDGETS[kind], duration: WINDOW_SECONDS };
    return redis
      ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) })
      : new RateLimiterMemory(options);
  });
}

async function spend(kind: keyof typeof BUDGETS, key: string): Promise<RateLimitResult> {
  try {
    const res = await limiter(kind).consume(key, 1);
    return { ok: true, remaining: res.remainingPoints };
  } catch (error) {
    if (error instanceof RateLimiterRes)
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
    throw error;
  }
}

/** Spends one point for the address and one for the IP (when known); refused when either is spent. */
export async function throttleAccountMail(purpose: string, email: string, ip: string | null): Promise<RateLimitResult> {
  const address = createHash('sha256').update(email).digest('hex').slice(0, 32);
  const byEmail = await spend('email', `${purpose}|${address}`);
  if (!byEmail.ok) return byEmail;
  return ip ? spend('ip', `${purpose}|${ip}`) : byEmail;
}
