import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectDb } from '@/lib/db';
import { verificationRecordName } from '@/lib/domains/hostname';
import { LOOKUP_SIGNATURE_HEADER, signLookup } from '@/lib/domains/lookup-signature';
import { type DomainRow, deleteDomain, insertDomain } from '@/lib/domains/queries';
import { verifyDomain } from '@/lib/domains/verify';
import { type AppServer, ensureBuilt, type HttpResult, requestAs, startApp } from '../fixtures/app-server';
import { type DnsServer, startDnsServer } from '../fixtures/dns-server';
import { createScratchDb, type ScratchDb } from '../fixtures/scratch-db';
import { signInAs } from '../fixtures/sign-in';
import { connect, mint, startServer, users } from '../realtime/helpers';

/**
 * Custom domains over HTTP against `next start` in subdomain mode, with a real DNS server on
 * loopback: pending → verified → resolving; a wrong TXT never resolves; acme's domain never serves
 * globex whatever the Host's case, trailing dot or port; removal stops resolving within the edge
 * cache's TTL; the signed internal lookup and Caddy's `ask` endpoint.
 */
const AUTH_SECRET = 'test-auth-secret-0123456789abcdef0123456789';
const ACME_HOST = 'app.acme-custom.test';
const GLOBEX_HOST = 'shop.globex-custom.test';

let database: ScratchDb;
let dns: DnsServer;
let app: AppServer;
let acmeDomain: DomainRow;
let previous: { url?: string; dns?: string; secret?: string };

/** Polls until `check` holds: the edge cache's TTL decides when, the test only waits for it. */
async function eventually(check: () => Promise<boolean>, limitMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

const get = (host: string, path: string, headers: Record<string, string> = {}): Promise<HttpResult> =>
  requestAs(app, host, path, { headers });

beforeAll(async () => {
  ensureBuilt();
  database = await createScratchDb({ seed: true });
  dns = await startDnsServer();
  previous = { url: process.env.DATABASE_URL, dns: process.env.DNS_RESOLVER, secret: process.env.AUTH_SECRET };
  process.env.DATABASE_URL = database.url;
  process.env.DNS_RESOLVER = dns.address;
  process.env.AUTH_SECRET = AUTH_SECRET;
  process.env.CUSTOM_DOMAIN_CACHE_SECONDS = '1';
  app = await startApp({
    DATABASE_URL: database.url,
    TENANT_RESOLVER: 'subdomain',
    TENANT_MAIN_DOMAIN: 'localhost',
    DNS_RESOLVER: dns.address,
    CUSTOM_DOMAIN_CACHE_SECONDS: '1',
    AUTH_SECRET,
  });
  const acmeId = database.seeded?.tenants.acme ?? '';
  const added = await insertDomain(acmeId, ACME_HOST);
  if (!added.ok) throw new Error('setup failed');
  acmeDomain = added.domain;
}, 600_000);

afterAll(async () => {
  await app?.stop();
  await disconnectDb();
  process.env.DATABASE_URL = previous?.url;
  if (previous?.dns === undefined) delete process.env.DNS_RESOLVER;
  if (previous?.secret === undefined) delete process.env.AUTH_SECRET;
  delete process.env.CUSTOM_DOMAIN_CACHE_SECONDS;
  await dns?.stop();
  await database?.drop();
});

describe('a custom domain over HTTP', () => {
  it('pending is a 421; verified by its TXT record it resolves to acme', async () => {
    const host = `${ACME_HOST}:${app.port}`;
    expect((await get(host, '/login?sso=0')).status).toBe(421);
    dns.setTxt(verificationRecordName(ACME_HOST), [acmeDomain.token]);
    expect((await verifyDomain(database.seeded?.tenants.acme ?? '', acmeDomain)).status).toBe('verified');
    expect(await eventually(async () => (await get(host, '/login?sso=0')).status === 200)).toBe(true);
    expect((await get(host, '/login?sso=0')).body).toContain('to Acme Corp');
    expect((await get(host, '/api/auth/csrf')).status).toBe(200);
    expect((await get(host, '/invite/not-a-token')).status).not.toBe(421);
  });

  it('serves acme only, whatever the Host’s case, trailing dot or port', async () => {
    const cookie = await signInAs(app, `${ACME_HOST}:${app.port}`, 'carol@both.test');
    for (const host of [
      `${ACME_HOST}:${app.port}`,
      `APP.Acme-Custom.TEST:${app.port}`,
      `${ACME_HOST}.:${app.port}`,
      `${ACME_HOST}:8443`,
    ]) {
      const page = await get(host, '/dashboard', { cookie });
      expect(page.status, host).toBe(200);
      // carol belongs to both: the switcher names Globex, but only acme's items are on the page.
      expect(page.body, host).toContain('Acme Anvil');
      expect(page.body, host).not.toContain('Globex Hammock');
      // Naming globex by path or header on acme's host changes nothing.
      expect((await get(host, '/globex/dashboard', { cookie })).body).not.toContain('Globex Hammock');
      const header = await get(host, '/dashboard', { cookie, 'x-tenant-id': 'globex' });
      expect(header.body).toContain('Acme Anvil');
      expect(header.body).not.toContain('Globex Hammock');
    }
  });

  it('Settings → Domains is the owner’s, shows the records, and offers adding only on a paid plan', async () => {
    const acme = `acme.localhost:${app.port}`;
    const alice = await signInAs(app, acme, 'alice@acme.test');
    const page = await get(acme, '/settings/domains', { cookie: alice });
    expect(page.status).toBe(200);
    expect(page.body).toContain(ACME_HOST);
    expect(page.body).toContain('data-testid="domains-upgrade"');
    const carol = await signInAs(app, acme, 'carol@both.test');
    expect((await get(acme, '/settings/domains', { cookie: carol })).status).toBe(403);
  });

  it('a domain whose TXT record is wrong never resolves', async () => {
    const globexId = database.seeded?.tenants.globex ?? '';
    const added = await insertDomain(globexId, GLOBEX_HOST);
    if (!added.ok) throw new Error('setup failed');
    dns.setTxt(verificationRecordName(GLOBEX_HOST), ['tenantry-verify=wrong']);
    expect((await verifyDomain(globexId, added.domain)).status).toBe('pending');
    expect((await get(`${GLOBEX_HOST}:${app.port}`, '/login?sso=0')).status).toBe(421);
    expect((await get(app.url.replace('http://', ''), `/api/domains/ask?domain=${GLOBEX_HOST}`)).status).toBe(404);
  });

  it('the internal lookup answers only a valid signature for the exact host', async () => {
    const apex = `localhost:${app.port}`;
    const path = `/api/internal/domains?host=${ACME_HOST}`;
    expect((await get(apex, path)).status).toBe(401);
    expect((await get(apex, path, { [LOOKUP_SIGNATURE_HEADER]: await signLookup(GLOBEX_HOST) })).status).toBe(401);
    const signed = await get(apex, path, { [LOOKUP_SIGNATURE_HEADER]: await signLookup(ACME_HOST) });
    expect(signed.status).toBe(200);
    expect(JSON.parse(signed.body)).toEqual({ slug: 'acme' });
    const unknown = await get(apex, '/api/internal/domains?host=nope.example', {
      [LOOKUP_SIGNATURE_HEADER]: await signLookup('nope.example'),
    });
    expect(unknown.status).toBe(404);
  });

  it('the TLS ask endpoint answers 200 for verified domains and our own hosts only', async () => {
    // Caddy calls it on an internal address: any Host.
    const ask = async (domain: string) =>
      (await get('caddy.internal:3000', `/api/domains/ask?domain=${domain}`)).status;
    expect(await ask(ACME_HOST)).toBe(200);
    expect(await ask(ACME_HOST.toUpperCase())).toBe(200);
    expect(await ask('localhost')).toBe(200);
    expect(await ask('acme.localhost')).toBe(200);
    expect(await ask('nope.localhost')).toBe(404);
    expect(await ask('a.b.localhost')).toBe(404);
    expect(await ask(GLOBEX_HOST)).toBe(404);
    expect(await ask('evil.example')).toBe(404);
    expect(await ask('10.0.0.1')).toBe(404);
    expect(await ask('')).toBe(404);
  });

  it('sign-in crosses to the custom domain by the handoff; cookies stay host-only', async () => {
    const custom = `${ACME_HOST}:${app.port}`;
    // The custom host's sign-in page first asks the apex, naming itself.
    const silent = await get(custom, '/login?next=%2Fdocuments');
    expect(silent.status).toBe(307);
    const ask = new URL(String(silent.headers.location));
    expect(ask.host).toBe(`localhost:${app.port}`);
    expect(ask.searchParams.get('host')).toBe(custom);

    const apexCookie = await signInAs(app, `localhost:${app.port}`, 'carol@both.test');
    const start = await get(`localhost:${app.port}`, `${ask.pathname}${ask.search}`, { cookie: apexCookie });
    expect(start.status).toBe(303);
    const ticket = new URL(String(start.headers.location));
    expect(ticket.host).toBe(custom);
    const redeem = await get(custom, `${ticket.pathname}${ticket.search}`);
    expect(redeem.status).toBe(303);
    const setCookie = ([] as string[]).concat(redeem.headers['set-cookie'] ?? []);
    const session = setCookie.find((c) => c.includes('session-token='));
    expect(session).toBeDefined();
    expect(session?.toLowerCase()).not.toContain('domain=');
    const page = await get(custom, '/documents', { cookie: session?.split(';')[0] ?? '' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Acme Launch Plan');

    // acme's domain named for globex (carol is a member of both): the handoff goes to globex's own host.
    const other = await get(
      `localhost:${app.port}`,
      `/api/auth/handoff/start?tenant=globex&next=%2Fdashboard&host=${encodeURIComponent(custom)}`,
      { cookie: apexCookie },
    );
    expect(new URL(String(other.headers.location)).host).toBe(`globex.localhost:${app.port}`);
  });

  it('a removed domain stops resolving within the TTL, at the edge and in the sidecar', async () => {
    const host = `${ACME_HOST}:${app.port}`;
    const origin = `http://${host}`;
    const sidecar = await startServer({ customDomainLookupOrigin: app.url });
    try {
      expect((await get(host, '/login?sso=0')).status).toBe(200);
      const socket = await connect(sidecar.port, { token: await mint(users.alice), origin });
      expect(socket.connected).toBe(true);
      socket.close();
      await expect(
        connect(sidecar.port, { token: await mint(users.alice), origin: 'http://evil.example' }),
      ).rejects.toThrow('origin_not_allowed');

      await deleteDomain(database.seeded?.tenants.acme ?? '', acmeDomain.id);
      expect(await eventually(async () => (await get(host, '/login?sso=0')).status === 421)).toBe(true);
      const refused = async () => {
        try {
          (await connect(sidecar.port, { token: await mint(users.alice), origin })).close();
          return false;
        } catch (error) {
          return String(error).includes('origin_not_allowed');
        }
      };
      expect(await eventually(refused)).toBe(true);
    } finally {
      await sidecar.close();
    }
    expect((await get('caddy.internal', `/api/domains/ask?domain=${ACME_HOST}`)).status).toBe(404);
  });
});
