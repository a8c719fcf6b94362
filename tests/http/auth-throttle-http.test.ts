import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, ensureBuilt, requestAs, startApp } from '../fixtures/app-server';
import { createScratchDb, type ScratchDb } from '../fixtures/scratch-db';
import { signInAs } from '../fixtures/sign-in';
import { actionId, postFormAction } from '../reliability/helpers';

/**
 * Issue 10, finding 3, over `next start`: "100 wrong passwords then the right one: signed in" and
 * "30/30 magic links sent to one address". Each door now spends from a per-account and a per-IP
 * budget (lib/rate-limit/auth-throttle.ts) and says "Too many attempts. Try again in N s." — the
 * same words for an account that exists and one that does not.
 */
const THROTTLED = /Too many attempts\. Try again in \d+ s\./;
const APEX = 'localhost';

describe('auth throttling over HTTP', () => {
  let database: ScratchDb;
  let app: AppServer;

  beforeAll(async () => {
    ensureBuilt();
    database = await createScratchDb({ seed: true });
    app = await startApp({
      DATABASE_URL: database.url,
      TENANT_RESOLVER: 'subdomain',
      TENANT_MAIN_DOMAIN: 'localhost',
      // This run's own budgets when the app shares a Redis with other runs.
      RATE_LIMIT_PREFIX: `throttle-http-${process.pid}-${Date.now()}`,
    });
  });

  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  const signInForm = (email: string, password: string) =>
    postFormAction(app, APEX, '/login', actionId('signInWithPassword', 'components/auth/actions.ts'), '', {
      email,
      password,
    });

  it('refuses the right password after too many wrong ones, through the Auth.js route', async () => {
    for (let i = 0; i < 10; i++) await expect(signInAs(app, APEX, 'bob@globex.test', `wrong-${i}`)).rejects.toThrow();
    await expect(signInAs(app, APEX, 'bob@globex.test', 'password')).rejects.toThrow(/failed/);
    // Another account from the same client is unaffected (the per-IP budget is larger).
    expect(await signInAs(app, APEX, 'alice@acme.test')).toContain('session-token');
  });

  it('says the same thing for a known and an unknown account once throttled, through the form', async () => {
    const answers: Record<string, string[]> = {};
    for (const email of ['carol@both.test', 'nobody-here@acme.test']) {
      answers[email] = [];
      for (let i = 0; i < 11; i++) {
        const res = await signInForm(email, `wrong-${i}`);
        expect(res.status).toBe(200);
        answers[email].push(
          THROTTLED.test(res.body) ? 'throttled' : /Wrong email or password/.test(res.body) ? 'wrong' : 'other',
        );
      }
    }
    const expected = [...Array(10).fill('wrong'), 'throttled'];
    expect(answers['carol@both.test']).toEqual(expected);
    expect(answers['nobody-here@acme.test']).toEqual(expected);
    const right = await signInForm('carol@both.test', 'password');
    expect(right.body).toMatch(THROTTLED);
  });

  it('sends at most five magic links per address, from the form or the Auth.js route', async () => {
    const id = actionId('signInWithEmail', 'components/auth/actions.ts');
    const results: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await postFormAction(app, APEX, '/login', id, '', { email: 'alice@acme.test' });
      expect(res.status).toBe(200);
      results.push(/Check your email/.test(res.body));
    }
    expect(results).toEqual([true, true, true, true, true]);
    const sixth = await postFormAction(app, APEX, '/login', id, '', { email: 'ALICE@acme.test' });
    expect(sixth.body).toMatch(THROTTLED);
    expect(sixth.body).not.toMatch(/Check your email/);

    // The route Auth.js serves itself spends from the same budget.
    const csrf = await requestAs(app, APEX, '/api/auth/csrf');
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const jar = String(csrf.headers['set-cookie'] ?? '').split(';')[0] ?? '';
    const route = await requestAs(app, APEX, '/api/auth/signin/email', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
      body: new URLSearchParams({ csrfToken, email: 'alice@acme.test' }).toString(),
    });
    expect(route.status).toBe(429);
    expect(route.body).toMatch(THROTTLED);
  });

  it('bounds sign-ups per address', async () => {
    const id = actionId('signUp', 'components/auth/actions.ts');
    const bodies: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await postFormAction(app, APEX, '/signup', id, '', {
        name: 'Dora',
        email: 'dora@throttle.test',
        password: 'long-enough-1',
      });
      expect(res.status).toBeLessThan(500);
      bodies.push(res.body);
    }
    expect(bodies[5]).toMatch(THROTTLED);
    expect(bodies.slice(0, 5).some((b) => THROTTLED.test(b))).toBe(false);
  });

  it('never answered with a 5xx nor logged a crash', () => {
    expect(app.logs()).not.toMatch(/action failed|Error: |⨯/);
  });
});
