import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, ensureBuilt, requestAs, startApp } from '../fixtures/app-server';
import { createScratchDb, type ScratchDb } from '../fixtures/scratch-db';
import { signInAs } from '../fixtures/sign-in';

/**
 * The attacks the middleware and requireTenant must defeat. carol is a member of BOTH tenants,
 * so membership cannot save us here: only correct resolution keeps globex's page off acme's host.
 * These fail when the middleware stops deleting client-sent x-tenant-* headers.
 */
describe('tenant spoofing over HTTP (subdomain mode)', () => {
  let database: ScratchDb;
  let app: AppServer;
  let acmeCookie: string;
  let apexCookie: string;

  beforeAll(async () => {
    ensureBuilt();
    database = await createScratchDb({ seed: true });
    app = await startApp({ DATABASE_URL: database.url, TENANT_RESOLVER: 'subdomain', TENANT_MAIN_DOMAIN: 'localhost' });
    acmeCookie = await signInAs(app, 'acme.localhost', 'carol@both.test');
    apexCookie = await signInAs(app, 'localhost', 'carol@both.test');
  });

  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  it('serves acme on its own host', async () => {
    const res = await requestAs(app, 'acme.localhost', '/dashboard', { headers: { cookie: acmeCookie } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('Acme Corp Dashboard');
  });

  it('ignores a client-sent x-tenant-slug on a tenant host', async () => {
    const res = await requestAs(app, 'acme.localhost', '/dashboard', {
      headers: { cookie: acmeCookie, 'x-tenant-slug': 'globex', 'x-tenant-via': 'subdomain' },
    });
    expect(res.body).not.toContain('Globex Dashboard');
    expect(res.body).not.toContain('Globex Hammock');
    expect(res.body).toContain('Acme Corp Dashboard');
  });

  it('ignores a client-sent x-tenant-slug on a host with no tenant', async () => {
    const api = await requestAs(app, 'localhost', '/api/tenant', { headers: { 'x-tenant-slug': 'globex' } });
    expect(api.status).toBe(404);
    const page = await requestAs(app, 'localhost', '/globex/dashboard', {
      headers: { cookie: apexCookie, 'x-tenant-slug': 'globex', 'X-Tenant-Via': 'path' },
    });
    expect(page.status).toBe(404);
    expect(page.body).not.toContain('Globex Dashboard');
  });

  it('strips x-tenant-* on static-looking paths too (issue 10, finding 5)', async () => {
    // The matcher used to skip `*.png|svg|…|txt|xml|woff2?`, so these reached app/[tenant] with the
    // client's x-tenant-slug intact and rendered acme's tenant context on the apex.
    for (const path of ['/x.png', '/x.svg', '/robots.txt', '/sitemap.xml', '/font.woff2', '/dashboard.jpg']) {
      const res = await requestAs(app, 'localhost', path, {
        headers: { cookie: apexCookie, 'x-tenant-slug': 'acme', 'x-tenant-via': 'subdomain' },
      });
      expect(res.status, path).toBeLessThan(500);
      expect(res.body, path).not.toContain('Acme Corp');
      expect(res.body, path).not.toMatch(/Acme Anvil|data-tenant-theme/);
    }
  });

  it('ignores x-middleware-subrequest (the middleware cannot be skipped)', async () => {
    const res = await requestAs(app, 'localhost', '/globex/dashboard', {
      headers: {
        cookie: apexCookie,
        'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware',
        'x-tenant-slug': 'globex',
      },
    });
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('Globex Dashboard');
  });

  it('does not let ?nxtPtenant=globex change the tenant', async () => {
    const res = await requestAs(app, 'acme.localhost', '/dashboard?nxtPtenant=globex', {
      headers: { cookie: acmeCookie },
    });
    expect(res.body).not.toContain('Globex Dashboard');
    expect([200, 404]).toContain(res.status);
  });

  it('answers /globex/dashboard on acme’s host with a 404, never globex’s page', async () => {
    const res = await requestAs(app, 'acme.localhost', '/globex/dashboard', { headers: { cookie: acmeCookie } });
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('Globex Dashboard');
  });

  it('answers a direct hit on /acme/dashboard from the apex host with a 404', async () => {
    const res = await requestAs(app, 'localhost', '/acme/dashboard', { headers: { cookie: apexCookie } });
    expect(res.status).toBe(404);
  });

  it('keeps the tenant headers off the response', async () => {
    const res = await requestAs(app, 'acme.localhost', '/api/tenant');
    expect(res.status).toBe(200);
    expect(res.headers['x-tenant-slug']).toBeUndefined();
    expect(res.headers['x-tenant-via']).toBeUndefined();
  });

  it('sends CSP (nonced scripts, no framing), HSTS and referrer-policy on tenant pages', async () => {
    const res = await requestAs(app, 'acme.localhost', '/dashboard', { headers: { cookie: acmeCookie } });
    const csp = String(res.headers['content-security-policy']);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain(`frame-ancestors 'none'`);
    expect(res.body).toContain(`nonce="${nonce}"`);
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('gives an unknown tenant a 404', async () => {
    expect((await requestAs(app, 'nope.localhost', '/api/tenant')).status).toBe(404);
    expect((await requestAs(app, 'nope.localhost', '/dashboard', { headers: { cookie: acmeCookie } })).status).toBe(
      404,
    );
  });
});
