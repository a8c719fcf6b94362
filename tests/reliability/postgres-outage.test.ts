import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEALTH_CACHE_MS } from '@/lib/health/cache-window';
import { type AppServer, ensureBuilt, type HttpResult, requestAs, startApp } from '../fixtures/app-server';
import { createScratchDb, type ScratchDb } from '../fixtures/scratch-db';
import { signInAs } from '../fixtures/sign-in';
import { actionId, leaksInternals, postFormAction, startTcpProxy, type TcpProxy, waitFor } from './helpers';

/**
 * PostgreSQL unreachable. The shared server stays up: the app reaches its scratch database through
 * a TCP proxy the test cuts (open connections destroyed, new ones refused) and restores. With
 * DB_RLS on (the `next start` default) the app's `tenantry_app` URL is derived from DATABASE_URL,
 * host and port included, so both pools go through the proxy.
 *
 * While cut: pages end on a clean 503 page (a page render cannot answer 503 itself, so the guard
 * redirects to /api/unavailable, which does), API routes answer a JSON 503, health says `down`
 * with 503, actions show a message — never a 500, a stack trace, or a driver error in a body.
 * Once restored, the same requests succeed again without restarting anything.
 */
describe('PostgreSQL outage', () => {
  const ACME = 'acme.localhost';
  let database: ScratchDb;
  let proxy: TcpProxy;
  let app: AppServer;
  let cookie: string;

  const dashboard = () => requestAs(app, ACME, '/dashboard', { headers: { cookie } });
  const health = () => requestAs(app, 'localhost', '/api/health');

  /** Follows same-host redirects like a browser would (at most 5), returning every hop. */
  async function browse(host: string, path: string, headers: Record<string, string> = {}): Promise<HttpResult[]> {
    const hops: HttpResult[] = [];
    let target = path;
    for (let i = 0; i < 5; i++) {
      const res = await requestAs(app, host, target, { headers });
      hops.push(res);
      const location = res.headers.location;
      if (res.status < 300 || res.status >= 400 || typeof location !== 'string') break;
      const url = new URL(location, `http://${host}`);
      target = `${url.pathname}${url.search}`;
    }
    return hops;
  }

  beforeAll(async () => {
    ensureBuilt();
    database = await createScratchDb({ seed: true });
    proxy = await startTcpProxy(Number(new URL(database.url).port || 5432));
    const viaProxy = new URL(database.url);
    viaProxy.port = String(proxy.port);
    app = await startApp({
      DATABASE_URL: viaProxy.toString(),
      DB_RLS: 'on',
      TENANT_RESOLVER: 'subdomain',
      TENANT_MAIN_DOMAIN: 'localhost',
      // Keep this suite's limiter and presence off the shared Redis.
      REDIS_URL: undefined,
    });
    cookie = await signInAs(app, ACME, 'alice@acme.test');
  });

  afterAll(async () => {
    await app?.stop();
    await proxy?.close();
    await database?.drop();
  });

  it('serves pages and the API normally through the proxy', async () => {
    const page = await dashboard();
    expect(page.status).toBe(200);
    expect(page.body).toContain('Acme Anvil');
    expect((await health()).status).toBe(200);
  });

  it('answers a clean 503 for pages, API routes and health while the database is unreachable', async () => {
    await proxy.cut();

    // A page: one redirect to the 503 page, which says so with a status, not a stack trace.
    const hops = await browse(ACME, '/dashboard', { cookie });
    expect(hops.map((h) => h.status)).toEqual([307, 503]);
    expect(hops[0]?.headers.location).toMatch(/^\/api\/unavailable\?next=%2Fdashboard$/);
    const page = hops[1]!;
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['retry-after']).toBeDefined();
    expect(page.body).toContain('Temporarily unavailable');
    expect(leaksInternals(page.body)).toBe(false);

    // Other tenant pages end there too. A signed-out visitor is sent to sign in first, and the
    // sign-in page needs no database to render.
    expect((await browse(ACME, '/members', { cookie })).map((h) => h.status)).toEqual([307, 503]);
    // (The tenant host's sign-in page first asks the apex whether the browser is signed in there.)
    const signedOut = await browse('globex.localhost', '/dashboard');
    expect(signedOut[0]?.status).toBe(307);
    expect(signedOut[0]?.headers.location).toMatch(/^\/login\?next=/);
    const form = await requestAs(app, 'globex.localhost', '/login?next=%2Fdashboard&sso=0');
    expect(form.status).toBe(200);

    // API routes: JSON 503. globex was never loaded, so its tenant row is not in the cache.
    const tenant = await requestAs(app, 'globex.localhost', '/api/tenant');
    expect(tenant.status).toBe(503);
    expect(tenant.headers['content-type']).toMatch(/^application\/json/);
    expect(leaksInternals(tenant.body)).toBe(false);
    const items = await requestAs(app, 'localhost', '/api/v1/items', {
      headers: { authorization: `Bearer tnt_${'x'.repeat(43)}`, 'X-Tenant-ID': 'acme' },
    });
    expect(items.status).toBe(503);
    expect(leaksInternals(items.body)).toBe(false);
    const token = await requestAs(app, ACME, '/api/realtime/token', { method: 'POST', headers: { cookie } });
    expect(token.status).toBe(503);
    expect(leaksInternals(token.body)).toBe(false);

    // One probe answers every caller for HEALTH_CACHE_MS (finding 7 of issue 10): let it expire.
    await new Promise((r) => setTimeout(r, HEALTH_CACHE_MS));
    const h = await health();
    expect(h.status).toBe(503);
    expect(JSON.parse(h.body)).toMatchObject({ status: 'down', checks: { database: 'down' } });

    // A server action answers with a message in its normal (200) response, not a 500.
    const action = await postFormAction(
      app,
      ACME,
      '/dashboard',
      actionId('createItem', 'components/items/actions.ts'),
      cookie,
      {
        name: 'Written during outage',
      },
    );
    expect(action.status).toBe(200);
    expect(action.body).toContain('temporarily unavailable');
    expect(leaksInternals(action.body)).toBe(false);
  });

  it('recovers by itself once the database is reachable again', async () => {
    await proxy.restore();
    const recovered = await waitFor(async () => (await dashboard()).status === 200, 30_000);
    expect(recovered).toBe(true);

    expect((await dashboard()).body).toContain('Acme Anvil');
    const tenant = await requestAs(app, 'globex.localhost', '/api/tenant');
    expect(tenant.status).toBe(200);
    expect(JSON.parse(tenant.body)).toMatchObject({ slug: 'globex', name: 'Globex' });
    expect((await health()).status).toBe(200);
    // The 503 page sends a returning visitor back to where they were.
    const back = await requestAs(app, ACME, '/api/unavailable?next=%2Fdashboard', { headers: { cookie } });
    expect(back.status).toBe(307);
    expect(back.headers.location).toBe('/dashboard');
    // Nothing was written while the database was away.
    expect((await dashboard()).body).not.toContain('Written during outage');
  });
});
