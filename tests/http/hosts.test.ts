import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectDb } from '@/lib/db';
import { type AppServer, ensureBuilt, type HttpResult, requestAs, startApp } from '../fixtures/app-server';
import { type MailHarness, startMailHarness } from '../fixtures/mail-harness';
import { createScratchDb, type ScratchDb } from '../fixtures/scratch-db';
import { signInAs } from '../fixtures/sign-in';
import { actionId } from '../reliability/helpers';

/**
 * Hosts, forwarded headers and one sign-in across tenant hosts, against `next start` in subdomain
 * mode (issue 10, findings 1, 2 and 7). Each case names what main did instead.
 */
let database: ScratchDb;
let app: AppServer;
let mail: MailHarness;
let serverUrl: string | undefined;
let apex: string; // localhost:<port> — APP_URL's host
let acme: string;
let globex: string;

/** A `(prevState, formData)` server action posted as React's client does, with chosen headers. */
async function postAction(
  host: string,
  pathname: string,
  id: string,
  fields: Record<string, string>,
  headers: Record<string, string>,
): Promise<HttpResult> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(`_1_${name}`, value);
  form.set('0', JSON.stringify([null, '$K1']));
  const encoded = new Request('http://encode.invalid/', { method: 'POST', body: form });
  return requestAs(app, host, pathname, {
    method: 'POST',
    headers: {
      accept: 'text/x-component',
      'next-action': id,
      'content-type': encoded.headers.get('content-type') ?? '',
      ...headers,
    },
    body: Buffer.from(await encoded.arrayBuffer()).toString('utf8'),
  });
}

/** The magic links mailed so far, as a real SMTP server on loopback received them (the worker sends them). */
function loggedLinks(): string[] {
  return mail.inbox
    .messages()
    .filter((m) => /sign-in link/i.test(m.subject))
    .map((m) => /https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/.exec(m.text)?.[0] ?? '')
    .filter(Boolean);
}

/** Waits until more than `count` magic links arrived (the worker relays and sends within moments). */
async function linksAfter(count: number): Promise<string[]> {
  const deadline = Date.now() + 30_000;
  while (loggedLinks().length <= count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return loggedLinks().slice(count);
}

function setCookies(res: HttpResult): string[] {
  const raw = res.headers['set-cookie'];
  return (Array.isArray(raw) ? raw : raw ? [raw] : []).map((c) => c.split(';')[0] ?? '');
}

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  ensureBuilt();
  database = await createScratchDb({ seed: true });
  app = await startApp({
    DATABASE_URL: database.url,
    TENANT_RESOLVER: 'subdomain',
    TENANT_MAIN_DOMAIN: 'localhost',
    LOG_LEVEL: 'info',
  });
  apex = `localhost:${app.port}`;
  // The worker (in this process) relays this suite's outbox: lib/db reads DATABASE_URL. It builds
  // links from the same APP_URL the app uses (the fixture's default).
  serverUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = database.url;
  mail = await startMailHarness(database.url, `http://localhost:${app.port}`);
  acme = `acme.localhost:${app.port}`;
  globex = `globex.localhost:${app.port}`;
});

afterAll(async () => {
  await app?.stop();
  await mail?.stop();
  await disconnectDb();
  process.env.DATABASE_URL = serverUrl;
  await database?.drop();
});

describe('hosts that are not the deployment’s (finding 2)', () => {
  // main: served every page and action for any Host.
  it('answers 421 before any page or action runs', async () => {
    expect((await requestAs(app, 'evil.example', '/login')).status).toBe(421);
    expect((await requestAs(app, 'acme.localhost.evil.test', '/dashboard')).status).toBe(421);
    const action = await postAction(
      'evil.example',
      '/login',
      actionId('signInWithEmail', 'components/auth/actions.ts'),
      { email: 'alice@acme.test' },
      { origin: 'http://evil.example' },
    );
    expect(action.status).toBe(421);
    // Probes use internal addresses: health answers on any host.
    expect((await requestAs(app, '10.0.0.7:3000', '/api/health')).status).toBe(200);
  });
});

describe('magic links come from configuration (finding 2)', () => {
  const id = () => actionId('signInWithEmail', 'components/auth/actions.ts');

  // main: produced http://evil.example/api/auth/callback/email?…&token=… for alice (account takeover).
  it('a forged X-Forwarded-Host with a matching Origin gets no link at all', async () => {
    const before = loggedLinks().length;
    const res = await postAction(
      acme,
      '/login?sso=0',
      id(),
      { email: 'alice@acme.test' },
      { origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' },
    );
    expect(res.status).toBe(403);
    await new Promise((r) => setTimeout(r, 1_000)); // the worker relays every 100 ms
    expect(loggedLinks().slice(before)).toEqual([]);
    expect(app.logs()).not.toContain('evil.example/api/auth');
  });

  it('an honest request with a stray X-Forwarded-Host gets a link on APP_URL that lands back on its tenant', async () => {
    const before = loggedLinks().length;
    const res = await postAction(
      acme,
      '/login?sso=0',
      id(),
      { email: 'alice@acme.test', next: '/documents' },
      { origin: `http://${acme}`, 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
    );
    expect(res.status).toBe(200);
    const links = await linksAfter(before);
    expect(links).toHaveLength(1);
    const link = new URL(links[0] ?? '');
    expect(link.origin).toBe(`http://${apex}`);
    expect(link.pathname).toBe('/api/auth/callback/email');
    // After the callback: the handoff start for acme, keeping `next`.
    const callback = new URL(link.searchParams.get('callbackUrl') ?? '', link.origin);
    expect(callback.pathname).toBe('/api/auth/handoff/start');
    expect(callback.searchParams.get('tenant')).toBe('acme');
    expect(callback.searchParams.get('next')).toBe('/documents');
  });
});

describe('one sign-in across tenant hosts (finding 1)', () => {
  let apexCookie: string;
  beforeAll(async () => {
    apexCookie = await signInAs(app, apex, 'carol@both.test');
  });

  async function startFor(slug: string, next: string): Promise<URL> {
    const res = await requestAs(app, apex, `/api/auth/handoff/start?tenant=${slug}&next=${encodeURIComponent(next)}`, {
      headers: { cookie: apexCookie },
    });
    expect(res.status).toBe(303);
    return new URL(String(res.headers.location));
  }

  // main: the tenant host had no session, so every page there asked for a second sign-in.
  it('hands the session to the tenant host once, lands on `next`, and audits it', async () => {
    const ticket = await startFor('globex', '/documents');
    expect(ticket.host).toBe(globex);
    expect(ticket.pathname).toBe('/api/auth/handoff');
    const redeem = await requestAs(app, globex, `${ticket.pathname}${ticket.search}`, {
      headers: { 'x-forwarded-for': '6.6.6.6' },
    });
    expect(redeem.status).toBe(303);
    expect(redeem.headers.location).toBe('/documents');
    const cookie = setCookies(redeem).join('; ');
    expect(cookie).toContain('authjs.session-token=');
    const page = await requestAs(app, globex, '/documents', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Globex');

    // Single use: the same link again sets nothing and asks to sign in.
    const again = await requestAs(app, globex, `${ticket.pathname}${ticket.search}`);
    expect(again.status).toBe(303);
    expect(String(again.headers.location)).toMatch(/^\/login\?next=%2Fdocuments/);
    expect(setCookies(again)).toEqual([]);

    // Audited in globex's log, with the socket's address — not the client's X-Forwarded-For (finding 7).
    const rows = await query<{ action: string; ip: string | null }>(
      `select a.action, a.ip from "AuditLog" a join "Tenant" t on t.id = a."tenantId" where t.slug = 'globex' and a.action = 'auth.handoff'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.ip).not.toBe('6.6.6.6');
    expect(rows[0]?.ip).toMatch(/127\.0\.0\.1|::1/);
  });

  it('is bound to its host: redeemed elsewhere it sets no session', async () => {
    const ticket = await startFor('globex', '/dashboard');
    const elsewhere = await requestAs(app, acme, `${ticket.pathname}${ticket.search}`);
    expect(elsewhere.status).toBe(303);
    expect(setCookies(elsewhere)).toEqual([]);
    // …and the attempt spent it.
    expect(setCookies(await requestAs(app, globex, `${ticket.pathname}${ticket.search}`))).toEqual([]);
  });

  it('refuses a non-member and keeps `next` same-deployment only', async () => {
    const alice = await signInAs(app, apex, 'alice@acme.test');
    const res = await requestAs(app, apex, '/api/auth/handoff/start?tenant=globex', { headers: { cookie: alice } });
    expect(res.status).toBe(404);
    const open = await requestAs(
      app,
      apex,
      `/api/auth/handoff/start?tenant=acme&next=${encodeURIComponent('//evil.example/x')}`,
      {
        headers: { cookie: alice },
      },
    );
    expect(new URL(String(open.headers.location)).searchParams.get('next')).toBe('/dashboard');
  });

  it('sends a signed-out tenant visitor to the apex first, and back to the form if signed out there too', async () => {
    const login = await requestAs(app, acme, '/login?next=%2Fdocuments');
    expect(login.status).toBe(307);
    const ask = new URL(String(login.headers.location));
    expect(ask.host).toBe(apex);
    expect(ask.pathname).toBe('/api/auth/handoff/start');
    const answer = await requestAs(app, apex, `${ask.pathname}${ask.search}`);
    expect(answer.headers.location).toBe(`http://${acme}/login?next=%2Fdocuments&sso=0`);
    const form = await requestAs(app, acme, '/login?next=%2Fdocuments&sso=0');
    expect(form.status).toBe(200);
  });
});

describe('smaller ones (finding 7)', () => {
  // main: no Cache-Control or Vary, so a shared cache could serve acme's answer on globex.
  it('marks /api/tenant private and varying by host', async () => {
    const res = await requestAs(app, acme, '/api/tenant');
    expect(res.status).toBe(200);
    expect(String(res.headers['cache-control'])).toContain('no-store');
    expect(String(res.headers.vary)).toMatch(/Host/);
  });
});
