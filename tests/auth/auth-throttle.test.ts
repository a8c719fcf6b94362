import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { authorizeCredentials } from '@/lib/auth/providers';
import {
  AUTH_BUDGETS,
  forgive,
  peekAttempt,
  resetAuthThrottles,
  spendAttempt,
  spendPasswordResetAttempt,
  throttleMessage,
} from '@/lib/rate-limit/auth-throttle';
import { closeSharedRedis } from '@/lib/rate-limit/redis';
import { describeWithRedis, testRedisUrl } from '@/tests/setup/test-redis';
import { useSeededDb } from './helpers';

/**
 * Issue 10, finding 3: per-IP and per-account budgets on the doors without a tenant, in memory and
 * in Redis, and the same refusal for an account that exists and one that does not.
 */
const REDIS_URL = testRedisUrl ?? 'redis://redis.invalid';
const saved = { REDIS_URL: process.env.REDIS_URL, RATE_LIMIT_PREFIX: process.env.RATE_LIMIT_PREFIX };

function useEnv(env: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetAuthThrottles();
}

afterEach(async () => {
  useEnv(saved);
  await closeSharedRedis();
});

for (const backend of ['memory', 'redis'] as const) {
  (backend === 'redis' ? describeWithRedis : describe)(`auth throttle (${backend})`, () => {
    beforeEach(() => {
      useEnv({ REDIS_URL: backend === 'redis' ? REDIS_URL : undefined, RATE_LIMIT_PREFIX: `test-${randomUUID()}` });
    });

    it('refuses once the account budget is spent, whatever the IP, with a retry delay', async () => {
      const { points } = AUTH_BUDGETS.magicLink.account;
      for (let i = 0; i < points; i++)
        expect(await spendAttempt('magicLink', { ip: `10.0.0.${i}`, account: 'a@b.test' })).toEqual({ ok: true });
      const refused = await spendAttempt('magicLink', { ip: '10.9.9.9', account: ' A@B.test ' });
      expect(refused).toMatchObject({ ok: false });
      if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThan(0);
      expect(await peekAttempt('magicLink', { ip: '10.9.9.9', account: 'a@b.test' })).toMatchObject({ ok: false });
      // Another account is untouched.
      expect(await spendAttempt('magicLink', { ip: '10.9.9.9', account: 'c@d.test' })).toEqual({ ok: true });
    });

    it('refuses once the IP budget is spent, across accounts', async () => {
      const { points } = AUTH_BUDGETS.signUp.ip;
      for (let i = 0; i < points; i++)
        expect((await spendAttempt('signUp', { ip: '10.1.1.1', account: `u${i}@x.test` })).ok).toBe(true);
      expect((await spendAttempt('signUp', { ip: '10.1.1.1', account: 'fresh@x.test' })).ok).toBe(false);
      expect((await spendAttempt('signUp', { ip: '10.1.1.2', account: 'fresh@x.test' })).ok).toBe(true);
    });

    it('gives a successful attempt its point back, so only failures count', async () => {
      const subject = { ip: '10.2.2.2', account: 'ok@x.test' };
      for (let i = 0; i < AUTH_BUDGETS.signIn.account.points * 3; i++) {
        expect((await spendAttempt('signIn', subject)).ok).toBe(true);
        await forgive('signIn', subject);
      }
    });

    it('has a budget for password reset (a later feature)', async () => {
      const subject = { ip: '10.3.3.3', account: 'reset@x.test' };
      for (let i = 0; i < AUTH_BUDGETS.passwordReset.account.points; i++)
        expect((await spendPasswordResetAttempt(subject)).ok).toBe(true);
      expect((await spendPasswordResetAttempt(subject)).ok).toBe(false);
    });
  });
}

describe('sign-in throttling in authorizeCredentials', () => {
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ close } = await useSeededDb());
  });
  afterAll(() => close());
  beforeEach(() => useEnv({ REDIS_URL: undefined, RATE_LIMIT_PREFIX: `test-${randomUUID()}` }));

  const request = (ip: string) =>
    new Request('http://localhost/api/auth/callback/credentials', { headers: { 'x-forwarded-for': ip } });

  it('refuses the right password after too many wrong ones (it used to sign in after 100)', async () => {
    for (let i = 0; i < AUTH_BUDGETS.signIn.account.points; i++)
      expect(
        await authorizeCredentials({ email: 'alice@acme.test', password: `wrong-${i}` }, request('10.4.4.4')),
      ).toBeNull();
    expect(
      await authorizeCredentials({ email: 'alice@acme.test', password: 'password' }, request('10.4.4.5')),
    ).toBeNull();
    expect(await peekAttempt('signIn', { ip: '10.4.4.6', account: 'alice@acme.test' })).toMatchObject({ ok: false });
  });

  it('throttles an unknown account exactly like a known one', async () => {
    const verdicts: Record<string, boolean[]> = {};
    for (const email of ['bob@globex.test', 'nobody@globex.test']) {
      verdicts[email] = [];
      for (let i = 0; i <= AUTH_BUDGETS.signIn.account.points; i++) {
        await authorizeCredentials({ email, password: 'wrong' }, request('10.5.5.5'));
        verdicts[email].push((await peekAttempt('signIn', { ip: '10.5.5.6', account: email })).ok);
      }
    }
    expect(verdicts['bob@globex.test']).toEqual(verdicts['nobody@globex.test']);
    expect(verdicts['bob@globex.test']?.at(-1)).toBe(false);
  });

  it('says how long to wait', () => {
    expect(throttleMessage(42)).toBe('Too many attempts. Try again in 42 s.');
  });
});
