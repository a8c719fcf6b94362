import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, ensureBuilt, requestAs, startApp } from '../fixtures/app-server';
import { startMailHarness, type MailHarness } from '../fixtures/mail-harness';
import { seededDbForSuite } from '../accounts/scratch';

/**
 * Over HTTP against `next start`: a magic-link request whose Host and X-Forwarded-Host are forged
 * still mails a link on APP_URL. Auth.js builds the link from the request (trustHost), so this
 * proves the mail path rebuilds it from configuration (lib/accounts/magic-link.ts, lib/urls).
 */
const database = seededDbForSuite();
const APP = 'https://app.example.test';
let app: AppServer;
let mail: MailHarness;

beforeAll(async () => {
  ensureBuilt();
  mail = await startMailHarness(database().url, APP);
  app = await startApp({
    DATABASE_URL: database().url,
    APP_URL: APP,
    SMTP_URL: mail.inbox.smtpUrl,
    TENANT_RESOLVER: 'subdomain',
    TENANT_MAIN_DOMAIN: 'localhost',
  });
}, 900_000);
afterAll(async () => {
  await app?.stop();
  await mail?.stop();
});

const cookies = (set: string | string[] | undefined) =>
  (Array.isArray(set) ? set : set ? [set] : []).map((c) => c.split(';')[0]).join('; ');

describe('links in mail come from configuration, not request headers', () => {
  it.each([
    [
      'a forged X-Forwarded-Host',
      'acme.localhost',
      { 'x-forwarded-host': 'evil.example.com', 'x-forwarded-proto': 'https' },
    ],
  ] as const)('magic link requested with %s arrives on APP_URL', async (_label, host, forged) => {
    const email = 'alice@acme.test';
    mail.inbox.clear();
    const csrf = await requestAs(app, host, '/api/auth/csrf', { headers: forged });
    expect(csrf.status).toBe(200);
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const res = await requestAs(app, host, '/api/auth/signin/email', {
      method: 'POST',
      headers: {
        ...forged,
        'content-type': 'application/x-www-form-urlencoded',
        cookie: cookies(csrf.headers['set-cookie']),
      },
      body: new URLSearchParams({ csrfToken, email, callbackUrl: '/' }).toString(),
    });
    expect(res.status).toBeLessThan(400);
    const message = await mail.inbox.waitFor((m) => m.to.includes(email) && /sign-in link/.test(m.subject), 60_000);
    const links = [...message.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.startsWith(`${APP}/api/auth/callback/email?`)).toBe(true);
    expect(`${message.html}${message.text}`).not.toContain('evil.example.com');
  });

  it('a magic link requested with a forged Host is refused before Auth.js runs (421), and nothing is mailed', async () => {
    mail.inbox.clear();
    const csrf = await requestAs(app, 'evil.example.com', '/api/auth/csrf');
    expect(csrf.status).toBe(421);
    const res = await requestAs(app, 'evil.example.com', '/api/auth/signin/email', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'alice@acme.test', callbackUrl: '/' }).toString(),
    });
    expect(res.status).toBe(421);
    await new Promise((r) => setTimeout(r, 1_000)); // the worker relays every 100 ms
    expect(mail.inbox.messages()).toEqual([]);
  });
});
