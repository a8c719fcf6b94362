import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, ensureBuilt, requestAs, startApp } from '../fixtures/app-server';
import { createScratchDb, type ScratchDb } from '../fixtures/scratch-db';
import { signInAs } from '../fixtures/sign-in';

/** Each resolver mode, end to end through `next start`: the middleware, the rewrite and the page. */
let database: ScratchDb;
const servers: AppServer[] = [];

async function appWith(env: Record<string, string>): Promise<AppServer> {
  const app = await startApp({ DATABASE_URL: database.url, ...env });
  servers.push(app);
  return app;
}

async function tenantOf(app: AppServer, host: string, path = '/api/tenant', headers: Record<string, string> = {}) {
  const res = await requestAs(app, host, path, { headers });
  return res.status === 200 ? (JSON.parse(res.body) as { slug: string }).slug : res.status;
}

beforeAll(async () => {
  ensureBuilt();
  database = await createScratchDb({ seed: true });
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await database?.drop();
});

describe('subdomain mode', () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await appWith({ TENANT_RESOLVER: 'subdomain', TENANT_MAIN_DOMAIN: 'localhost' });
  });

  it('resolves each seeded tenant from its host, any case, any port', async () => {
    expect(await tenantOf(app, 'acme.localhost:3000')).toBe('acme');
    expect(await tenantOf(app, 'GLOBEX.LocalHost')).toBe('globex');
  });

  it('finds no tenant on the apex, an excluded label or a look-alike domain', async () => {
    expect(await tenantOf(app, 'localhost:3000')).toBe(404);
    expect(await tenantOf(app, 'www.localhost')).toBe(404);
    // Not this deployment's host at all: refused before anything runs (issue 10, finding 2).
    expect(await tenantOf(app, 'acme.localhost.evil.test')).toBe(421);
    expect(await tenantOf(app, 'a.acme.localhost')).toBe(404);
  });

  it('shows the host’s tenant on a page outside app/[tenant] (the login page)', async () => {
    // sso=0: the form itself, not the "signed in at the apex?" hop (lib/auth/handoff/silent.ts).
    const acme = await requestAs(app, 'acme.localhost', '/login?sso=0');
    expect(acme.status).toBe(200);
    expect(acme.body).toContain('to Acme Corp');
    const apex = await requestAs(app, 'localhost', '/login');
    expect(apex.body).not.toContain('to Acme Corp');
  });

  it('answers a tenant page on the apex with a 404 before any guard runs (required)', async () => {
    const res = await requestAs(app, 'localhost', '/dashboard');
    expect(res.status).toBe(404);
    expect(res.headers.location).toBeUndefined();
    expect((await requestAs(app, 'localhost', '/')).status).toBe(200);
  });

  it('renders the dashboard for a member, with the query string kept', async () => {
    const cookie = await signInAs(app, 'acme.localhost', 'alice@acme.test');
    const res = await requestAs(app, 'acme.localhost', '/dashboard?tab=items', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('Acme Corp Dashboard');
    expect(res.body).toContain('Acme Anvil');
    expect(res.body).not.toContain('Globex');
  });
});

describe('path mode', () => {
  let app: AppServer;
  let cookie: string;
  beforeAll(async () => {
    app = await appWith({ TENANT_RESOLVER: 'path' });
    cookie = await signInAs(app, 'localhost', 'alice@acme.test');
  });

  it('serves /acme/dashboard without prefixing the slug twice', async () => {
    const res = await requestAs(app, 'localhost', '/acme/dashboard', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('Acme Corp Dashboard');
  });

  it('lower-cases the path segment', async () => {
    const res = await requestAs(app, 'localhost', '/ACME/dashboard', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('Acme Corp Dashboard');
  });

  it('gives a non-member a 404 for another tenant', async () => {
    const res = await requestAs(app, 'localhost', '/globex/dashboard', { headers: { cookie } });
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('Globex Dashboard');
  });

  it('answers a path that names no tenant with a 404, but serves the landing and sign-in pages (required)', async () => {
    expect((await requestAs(app, 'localhost', '/admin/users')).status).toBe(404);
    expect((await requestAs(app, 'localhost', '/')).status).toBe(200);
    expect((await requestAs(app, 'localhost', '/login')).status).toBe(200);
  });

  it('never treats an excluded or invalid segment as a tenant', async () => {
    expect(await tenantOf(app, 'localhost', '/api/tenant')).toBe(404);
    expect((await requestAs(app, 'localhost', '/..%2Fglobex/dashboard', { headers: { cookie } })).status).toBe(404);
  });
});

describe('header mode', () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await appWith({ TENANT_RESOLVER: 'header' });
  });

  it('selects the tenant named by X-Tenant-ID, trimmed and lower-cased', async () => {
    expect(await tenantOf(app, 'localhost', '/api/tenant', { 'X-Tenant-ID': 'acme' })).toBe('acme');
    expect(await tenantOf(app, 'localhost', '/api/tenant', { 'x-tenant-id': '  Globex ' })).toBe('globex');
  });

  it('rejects a header value that is not a slug', async () => {
    expect(await tenantOf(app, 'localhost', '/api/tenant', { 'X-Tenant-ID': 'acme;globex' })).toBe(404);
    expect(await tenantOf(app, 'localhost', '/api/tenant')).toBe(404);
  });

  it('answers a page requested without the header with a 404 (required)', async () => {
    expect((await requestAs(app, 'localhost', '/dashboard')).status).toBe(404);
    expect((await requestAs(app, 'localhost', '/login')).status).toBe(200);
  });

  it('only selects: a non-member still gets a 404', async () => {
    const cookie = await signInAs(app, 'localhost', 'alice@acme.test');
    const res = await requestAs(app, 'localhost', '/dashboard', { headers: { cookie, 'X-Tenant-ID': 'globex' } });
    expect(res.status).toBe(404);
  });
});

describe('session mode', () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await appWith({ TENANT_RESOLVER: 'session' });
  });

  it('selects the tenant from the session cookie', async () => {
    expect(await tenantOf(app, 'localhost', '/api/tenant', { cookie: 'tenant_id=globex' })).toBe('globex');
  });

  it('falls back to the verified token’s default tenant after sign-in', async () => {
    const cookie = await signInAs(app, 'localhost', 'bob@globex.test');
    expect(await tenantOf(app, 'localhost', '/api/tenant', { cookie })).toBe('globex');
  });

  it('answers a page requested without a session with a 404 (required), and serves sign-in', async () => {
    expect((await requestAs(app, 'localhost', '/dashboard')).status).toBe(404);
    expect((await requestAs(app, 'localhost', '/login')).status).toBe(200);
  });

  it('ignores a forged session token', async () => {
    const forged = 'authjs.session-token=eyJhbGciOiJIUzI1NiJ9.eyJ0ZW5hbnRfaWQiOiJnbG9iZXgifQ.c2ln';
    expect(await tenantOf(app, 'localhost', '/api/tenant', { cookie: forged })).toBe(404);
  });
});

describe('chained mode with a default tenant', () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await appWith({
      TENANT_RESOLVER: 'header,subdomain',
      TENANT_MAIN_DOMAIN: 'localhost',
      TENANT_DEFAULT: 'acme',
    });
  });

  it('lets the first resolver in the chain win', async () => {
    expect(await tenantOf(app, 'acme.localhost', '/api/tenant', { 'X-Tenant-ID': 'globex' })).toBe('globex');
    expect(await tenantOf(app, 'globex.localhost')).toBe('globex');
  });

  it('serves the default tenant when nothing resolves or the tenant is unknown', async () => {
    expect(await tenantOf(app, 'localhost')).toBe('acme');
    expect(await tenantOf(app, 'nope.localhost')).toBe('acme');
  });

  it('satisfies required with the default tenant: a page on the apex runs (and asks a visitor to sign in)', async () => {
    const res = await requestAs(app, 'localhost', '/dashboard');
    expect(res.status).toBe(307);
    expect(String(res.headers.location)).toMatch(/^\/login\?next=/);
  });
});

describe('required off (TENANT_REQUIRED=false)', () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await appWith({ TENANT_RESOLVER: 'subdomain', TENANT_MAIN_DOMAIN: 'localhost', TENANT_REQUIRED: 'false' });
  });

  it('lets a page run without a tenant: the guard sends a visitor to sign in, a member still gets no tenant', async () => {
    const signedOut = await requestAs(app, 'localhost', '/dashboard');
    expect(signedOut.status).toBe(307);
    expect(String(signedOut.headers.location)).toMatch(/^\/login\?next=/);
    const cookie = await signInAs(app, 'localhost', 'carol@both.test');
    const member = await requestAs(app, 'localhost', '/dashboard', { headers: { cookie } });
    expect(member.status).toBe(404);
    expect(member.body).not.toContain('Dashboard</h1>');
  });

  it('still resolves tenants as before', async () => {
    expect(await tenantOf(app, 'acme.localhost')).toBe('acme');
    expect(await tenantOf(app, 'localhost')).toBe(404);
  });
});
