import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/api-keys/api-keys';
import { disconnectDb, withoutTenant } from '@/lib/db';
import { type AppServer, ensureBuilt, requestAs, startApp } from '../fixtures/app-server';
import { createScratchDb, type ScratchDb } from '../fixtures/scratch-db';
import { signInAs } from '../fixtures/sign-in';
import { actionId, leaksInternals, rawRequest } from './helpers';

/**
 * Bad input at the middleware, the API and the server actions. Each case states its answer: a
 * 4xx, or — where the input merely selects nothing (a signed-out visitor, a tenant that does not
 * exist) — the page such a request normally gets. Never a 5xx, never a stack trace, never another
 * tenant's data, and no row anywhere changes: every table is counted before and after.
 */
const ACME = 'acme.localhost';
const GLOBEX_NAMES = /Globex|Hammock|Laser|Doomsday/;
const ANY_ITEM = /Acme Anvil|Acme Rocket|Acme Magnet|Globex Hammock|Globex Laser|Globex Doomsday/;

type Snapshot = Record<string, number | string[]>;

async function snapshot(url: string): Promise<Snapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1",
    );
    const out: Snapshot = {};
    for (const { name } of tables.rows) {
      const r = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${name}"`);
      out[name] = Number(r.rows[0]?.n);
    }
    out['Item names'] = (await client.query<{ name: string }>('SELECT name FROM "Item" ORDER BY name')).rows.map(
      (r) => r.name,
    );
    return out;
  } finally {
    await client.end();
  }
}

describe('bad input', () => {
  let database: ScratchDb;
  let app: AppServer;
  let admin: string | undefined;
  let cookie: string;
  let apiKey: string;
  let before: Snapshot;
  const seen: { label: string; status: number }[] = [];

  /** Records every answer so the last test can check that none was a 5xx. */
  const note = <T extends { status: number; body: string }>(label: string, res: T): T => {
    seen.push({ label, status: res.status });
    expect(leaksInternals(res.body), `${label} leaks internals`).toBe(false);
    return res;
  };
  const get = (label: string, host: string, path: string, headers: Record<string, string | string[]> = {}) =>
    requestAs(app, host, path, { headers }).then((r) => note(label, r));
  const raw = (label: string, head: Buffer | string, body?: Buffer | string) =>
    rawRequest(app.port, head, body).then((r) => note(label, r));
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

  beforeAll(async () => {
    ensureBuilt();
    database = await createScratchDb({ seed: true });
    admin = process.env.DATABASE_URL;
    process.env.DATABASE_URL = database.url;
    const acme = await withoutTenant((c) =>
      c.tenant.findUniqueOrThrow({ where: { slug: 'acme' }, select: { id: true } }),
    );
    apiKey = (await createApiKey({ tenantId: acme.id, userId: null, name: 'bad-input' })).key;
    await disconnectDb();
    app = await startApp({ DATABASE_URL: database.url, TENANT_RESOLVER: 'subdomain', TENANT_MAIN_DOMAIN: 'localhost' });
    cookie = await signInAs(app, ACME, 'alice@acme.test');
    before = await snapshot(database.url);
  });

  afterAll(async () => {
    await app?.stop();
    process.env.DATABASE_URL = admin;
    await database?.drop();
  });

  it('answers oversized headers and cookies with 431 on pages, the API and actions', async () => {
    const big = 'a'.repeat(20_000);
    expect((await get('big header page', ACME, '/dashboard', { cookie, 'x-big': big })).status).toBe(431);
    expect(
      (await get('big header api', 'localhost', '/api/v1/items', { authorization: `Bearer ${apiKey}`, 'x-big': big }))
        .status,
    ).toBe(431);
    expect((await get('big cookie', ACME, '/dashboard', { cookie: `${cookie}; junk=${big}` })).status).toBe(431);
    const action = await requestAs(app, ACME, '/dashboard', {
      method: 'POST',
      headers: { cookie, 'next-action': actionId('createItem', 'components/items/actions.ts'), 'x-big': big },
      body: '[]',
    });
    expect(note('big header action', action).status).toBe(431);
  });

  it('lets the first of duplicated Host headers decide, consistently, and membership still rules', async () => {
    // Node keeps the first Host; the middleware and the page see the same one.
    const first = await raw(
      'dup host acme first',
      `GET /dashboard HTTP/1.1\r\nHost: acme.localhost\r\nHost: globex.localhost\r\nCookie: ${cookie}`,
    );
    expect(first.status).toBe(200);
    expect(first.body).toContain('Acme Anvil');
    expect(first.body).not.toMatch(GLOBEX_NAMES);
    const second = await raw(
      'dup host globex first',
      `GET /dashboard HTTP/1.1\r\nHost: globex.localhost\r\nHost: acme.localhost\r\nCookie: ${cookie}`,
    );
    expect(second.status).toBe(404); // alice is not a member of globex
    expect(second.body).not.toMatch(ANY_ITEM);
  });

  it('refuses duplicated X-Tenant-ID on the API and ignores it on pages; duplicated cookies change nothing', async () => {
    const key = { authorization: `Bearer ${apiKey}` };
    expect(
      (await get('dup x-tenant-id api', 'localhost', '/api/v1/items', { ...key, 'X-Tenant-ID': ['acme', 'globex'] }))
        .status,
    ).toBe(400);
    expect(
      (await get('dup x-tenant-id api same', 'localhost', '/api/v1/items', { ...key, 'X-Tenant-ID': ['acme', 'acme'] }))
        .status,
    ).toBe(400);
    const page = await get('dup x-tenant-id page', ACME, '/dashboard', { cookie, 'X-Tenant-ID': ['globex', 'acme'] });
    expect(page.status).toBe(200);
    expect(page.body).not.toMatch(GLOBEX_NAMES);
    expect((await get('dup cookie', ACME, '/dashboard', { cookie: [cookie, cookie] })).status).toBe(200);
    const forged = await get('dup cookie forged first', ACME, '/dashboard', {
      cookie: ['authjs.session-token=forged', cookie],
    });
    expect([200, 307]).toContain(forged.status); // whichever token is read, it is verified
    expect(forged.body).not.toMatch(GLOBEX_NAMES);
  });

  it('answers unicode and punycode hosts as unknown tenants (404), and hosts that are no URL authority with 400', async () => {
    // Node reads header bytes as latin-1, so UTF-8 hosts arrive as mojibake: some still parse as a
    // host name (unknown tenant → 404), others cannot name a URL at all (→ 400 at the middleware).
    const hosts: [string, Buffer, number][] = [
      ['punycode', Buffer.from('xn--acme-xyz.localhost'), 404],
      ['acmé', bytes('acm', [0xc3, 0xa9], '.localhost'), 404],
      ['invalid utf-8', bytes('ac', [0xff, 0xfe], '.localhost'), 404],
      ['fullwidth', Buffer.concat([Buffer.from('ａｃｍｅ', 'utf8'), Buffer.from('.localhost')]), 400],
      ['space', Buffer.from('acme localhost'), 400],
      ['userinfo', Buffer.from('alice@acme.localhost/x'), 400],
    ];
    for (const path of ['/dashboard', '/api/tenant']) {
      for (const [label, host, status] of hosts) {
        const res = await raw(
          `${label} ${path}`,
          Buffer.concat([Buffer.from(`GET ${path} HTTP/1.1\r\nCookie: ${cookie}\r\nHost: `), host]),
        );
        expect(res.status, `${label} ${path}`).toBe(status);
        expect(res.body).not.toMatch(ANY_ITEM);
      }
      // Auth.js prefers X-Forwarded-Host, so it gets the same check.
      const forwarded = Buffer.concat([
        Buffer.from(`GET ${path} HTTP/1.1\r\nHost: ${ACME}\r\nCookie: ${cookie}\r\nX-Forwarded-Host: `),
        Buffer.from('ａｃｍｅ', 'utf8'),
      ]);
      expect((await raw(`x-forwarded-host ${path}`, forwarded)).status).toBe(400);
    }
  });

  it('answers encoded and dot-dot paths with 404, never another tenant’s page', async () => {
    const paths = [
      '/%2e%2e/globex/dashboard',
      '/..%2fglobex',
      '/..%2fglobex/dashboard',
      '/../globex/dashboard',
      '/api/%2e%2e/globex/dashboard',
      '/%2Fglobex%2Fdashboard',
      '/globex/dashboard',
      '/acme/dashboard',
      '/%00',
      '/dashboard%00',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    ];
    for (const path of paths) {
      const res = await raw(`path ${path}`, `GET ${path} HTTP/1.1\r\nHost: ${ACME}\r\nCookie: ${cookie}`);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toMatch(GLOBEX_NAMES);
    }
    // Not percent-encoding at all: refused at the middleware (lib/security/request-shape.ts).
    const broken = await raw('path /%', `GET /% HTTP/1.1\r\nHost: ${ACME}\r\nCookie: ${cookie}`);
    expect(broken.status).toBe(400);
  });

  it('answers malformed JSON to POST /api/v1/items with 401 without a key and 400/413 with one', async () => {
    const cases: [string, string, number][] = [
      ['truncated', '{"name":', 400],
      ['empty', '', 400],
      ['array', '[]', 400],
      ['null', 'null', 400],
      ['string', '"Acme"', 400],
      ['prototype', '{"__proto__":{"name":"x"}}', 400],
      ['control characters', '{"name":"a\\u0000b"}', 400],
      ['deeply nested', `${'['.repeat(5000)}${']'.repeat(5000)}`, 400],
      ['too large', JSON.stringify({ name: 'x'.repeat(20_000) }), 413],
    ];
    const json = { 'content-type': 'application/json', 'X-Tenant-ID': 'acme' };
    for (const [label, body, status] of cases) {
      const anonymous = await requestAs(app, 'localhost', '/api/v1/items', { method: 'POST', headers: json, body });
      expect(note(`json ${label} no key`, anonymous).status, label).toBe(401);
      const keyed = await requestAs(app, 'localhost', '/api/v1/items', {
        method: 'POST',
        headers: { ...json, authorization: `Bearer ${apiKey}` },
        body,
      });
      expect(note(`json ${label} key`, keyed).status, label).toBe(status);
    }
    // Invalid UTF-8 is malformed JSON too, not a name full of U+FFFD.
    const invalid = await raw(
      'json invalid utf-8',
      `POST /api/v1/items HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${apiKey}\r\nX-Tenant-ID: acme\r\nContent-Type: application/json`,
      bytes('{"name":"', [0xc3, 0x28, 0xff], '"}'),
    );
    expect(invalid.status).toBe(400);
  });

  it('treats broken, giant and non-UTF-8 session cookies as signed out', async () => {
    const signedOut: [string, string | Buffer][] = [
      ['broken token', 'authjs.session-token=eyJhbGciOiJkaXIi.garbage.x'],
      ['12 KB token', `authjs.session-token=${'A'.repeat(12_000)}`],
      ['chunked garbage', `authjs.session-token.0=${'A'.repeat(3000)}; authjs.session-token.1=${'B'.repeat(3000)}`],
      ['cookie syntax', '=;;;=;a==b; authjs.session-token'],
      ['invalid utf-8', bytes('authjs.session-token=', [0xff, 0xc3, 0x28], '; a=%E0%A4%A')],
    ];
    for (const [label, value] of signedOut) {
      const head = Buffer.concat([
        Buffer.from(`GET /dashboard HTTP/1.1\r\nHost: ${ACME}\r\nCookie: `),
        Buffer.from(value),
      ]);
      const res = await raw(`cookie ${label}`, head);
      expect(res.status, label).toBe(307);
      expect(res.head, label).toMatch(/\r\nlocation: \/login\?next=%2Fdashboard/i);
    }
    const token = await requestAs(app, ACME, '/api/realtime/token', {
      method: 'POST',
      headers: { cookie: 'authjs.session-token=garbage' },
    });
    expect(note('cookie broken token api', token).status).toBe(401);
  });

  it('refuses garbage server-action ids, bodies and origins with a 4xx, and forged arguments by validation', async () => {
    const id = actionId('createItem', 'components/items/actions.ts');
    const post = (label: string, headers: Record<string, string>, body: string) =>
      requestAs(app, ACME, '/dashboard', {
        method: 'POST',
        headers: { cookie, origin: `http://${ACME}`, ...headers },
        body,
      }).then((r) => note(label, r));
    const text = 'text/plain;charset=UTF-8';

    expect((await post('action garbage id', { 'next-action': 'garbage', 'content-type': text }, '[]')).status).toBe(
      400,
    );
    expect(
      (await post('action unknown id', { 'next-action': '7f'.padEnd(42, '0'), 'content-type': text }, '[]')).status,
    ).toBe(409);
    expect(
      (await post('action body not json', { 'next-action': id, 'content-type': text }, 'not json at all')).status,
    ).toBe(400);
    expect(
      (
        await post(
          'action broken multipart',
          { 'next-action': id, 'content-type': 'multipart/form-data; boundary=xyz' },
          '--xyz\r\ngarbage\r\n',
        )
      ).status,
    ).toBe(400);
    expect(
      (await post('action cross-origin', { 'next-action': id, 'content-type': text, origin: 'http://evil.test' }, '[]'))
        .status,
    ).toBe(403);
    expect(
      (await post('action bad origin', { 'next-action': id, 'content-type': text, origin: 'not a url' }, '[]')).status,
    ).toBe(403);

    // Decodable but wrong arguments reach tenantAction, which refuses them as invalid input.
    for (const body of ['[]', '[null,"x"]', '[null,{"name":"Injected as an object"}]']) {
      const res = await post(`action args ${body}`, { 'next-action': id, 'content-type': text }, body);
      expect(res.status, body).toBe(200);
      expect(res.body, body).toContain('"ok":false');
    }
    // A text body has no parts, so a reference to one dangles: refused before the decoder (lib/actions/action-body.ts).
    for (const body of ['[null,"$K99"]', '[null,"$@99"]']) {
      const res = await post(`action args ${body}`, { 'next-action': id, 'content-type': text }, body);
      expect(res.status, body).toBe(400);
    }
    // An action header on a route handler is just an unsupported method there.
    const onApi = await requestAs(app, ACME, '/api/tenant', { method: 'POST', headers: { cookie, 'next-action': id } });
    expect(note('action header on api', onApi).status).toBe(405);
  });

  it('changed no row in any table and never answered with a 5xx', async () => {
    expect(await snapshot(database.url)).toEqual(before);
    expect(seen.filter((s) => s.status >= 500 || s.status === 0)).toEqual([]);
    expect(seen.length).toBeGreaterThan(50);
  });
});
