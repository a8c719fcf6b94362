import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, ensureBuilt, requestAs, startApp } from '../fixtures/app-server';
import { createScratchDb, type ScratchDb } from '../fixtures/scratch-db';
import { signInAs } from '../fixtures/sign-in';

/**
 * The guard over real HTTP (next start, subdomain mode, real Auth.js sign-in): pages, the 403
 * page, the realtime token route, and a removed member losing access on the next request.
 */
describe('guard over HTTP (subdomain mode)', () => {
  let database: ScratchDb;
  let app: AppServer;
  let aliceAcme: string;
  let aliceGlobex: string;
  let carolAcme: string;

  beforeAll(async () => {
    ensureBuilt();
    database = await createScratchDb({ seed: true });
    // bindAll: with `-H 127.0.0.1` Next's init URL (127.0.0.1) and the middleware's rewrite URL
    // (localhost) differ in origin, and the rewrite turns into an external proxy that loses headers.
    app = await startApp(
      {
        DATABASE_URL: database.url,
        TENANT_RESOLVER: 'subdomain',
        TENANT_MAIN_DOMAIN: 'localhost',
        AUTH_SECRET: 'http-guard-test-secret-0123456789',
        REALTIME_SECRET: 'http-guard-realtime-secret-0123456789abcdef',
        RATE_LIMIT_PREFIX: `http-guard-${Date.now()}`,
      },
      { bindAll: true },
    );
    [aliceAcme, aliceGlobex, carolAcme] = await Promise.all([
      signInAs(app, 'acme.localhost', 'alice@acme.test'),
      signInAs(app, 'globex.localhost', 'alice@acme.test'),
      signInAs(app, 'acme.localhost', 'carol@both.test'),
    ]);
  });

  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  const get = (host: string, path: string, cookie?: string) =>
    requestAs(app, host, path, { headers: cookie ? { cookie } : {} });

  it('sends a signed-out visitor to the login page with a way back', async () => {
    const res = await get('acme.localhost', '/dashboard');
    expect([303, 307, 308]).toContain(res.status);
    expect(String(res.headers.location)).toMatch(/\/login\?next=%2F/);
  });

  it('shows a member their tenant', async () => {
    const res = await get('acme.localhost', '/dashboard', aliceAcme);
    expect(res.status).toBe(200);
    expect(res.body).toContain('Acme Corp Dashboard');
    expect(res.body).toContain('data-tenant-theme="dark"');
  });

  it('gives a signed-in non-member the same 404 as an unknown tenant, without the tenant’s name or theme', async () => {
    const member = await get('globex.localhost', '/dashboard', aliceGlobex);
    expect(member.status).toBe(404);
    expect(member.body).not.toContain('Globex');
    expect(member.body).not.toContain('data-tenant-theme');
  });

  it('serves the favicon to a signed-out visitor instead of sending it to the login page', async () => {
    for (const path of ['/favicon.ico', '/icon.svg']) {
      const res = await get('acme.localhost', path);
      expect(res.status, path).toBe(200);
      expect(String(res.headers['content-type']), path).toMatch(/^image\//);
    }
    expect((await get('acme.localhost', '/login?sso=0')).body).toMatch(/<link rel="icon" href="\/icon\.svg/);
  });

  it('shows a 403 page to a member whose role is too low', async () => {
    const res = await get('acme.localhost', '/audit', carolAcme);
    expect(res.status).toBe(403);
    expect(res.body).toContain('Forbidden');
    expect((await get('acme.localhost', '/audit', aliceAcme)).status).toBe(200);
  });

  it('mints a realtime token only for a member of the request tenant', async () => {
    const post = (host: string, cookie?: string) =>
      requestAs(app, host, '/api/realtime/token', { method: 'POST', headers: cookie ? { cookie } : {} });
    expect((await post('acme.localhost')).status).toBe(401);
    expect((await post('globex.localhost', aliceGlobex)).status).toBe(404);
    const ok = await post('acme.localhost', aliceAcme);
    expect(ok.status).toBe(200);
    const body = JSON.parse(ok.body) as { token: string; expiresAt: string; url: string };
    expect(body.token.split('.')).toHaveLength(3);
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
  });

  it('locks out a removed member on their next request, with the same token', async () => {
    expect((await get('acme.localhost', '/dashboard', carolAcme)).status).toBe(200);
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(
        `DELETE FROM "Membership" WHERE "userId" = (SELECT id FROM "User" WHERE email = 'carol@both.test')
           AND "tenantId" = (SELECT id FROM "Tenant" WHERE slug = 'acme')`,
      );
    } finally {
      await client.end();
    }
    expect((await get('acme.localhost', '/dashboard', carolAcme)).status).toBe(404);
  });
});
