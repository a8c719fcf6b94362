import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/api/v1/items/route';
import { createApiKey, listApiKeys, revokeApiKey } from '@/lib/api-keys/api-keys';
import { authenticateApiKey } from '@/lib/api-keys/authenticate';
import { API_TENANT_HEADER } from '@/lib/api-keys/forwarded-header';
import { generateApiKey, hashApiKey } from '@/lib/api-keys/key';
import { withoutTenant } from '@/lib/db';
import { resetRateLimiters } from '@/lib/rate-limit';
import { closeSharedRedis } from '@/lib/rate-limit/redis';
import { tenantId, userId, seededDbForSuite } from './scratch';

seededDbForSuite();

const saved = { ...process.env };
beforeAll(() => {
  // A budget small enough to exhaust, in a key space of our own.
  process.env.RATE_LIMIT_PREFIX = `test-accounts-${randomUUID()}`;
  process.env.RATE_LIMIT_FREE = '1000';
  resetRateLimiters();
});
afterAll(async () => {
  process.env = { ...saved };
  resetRateLimiters();
  await closeSharedRedis();
});

async function newKey(slug: string, name = 'test key') {
  return createApiKey({ tenantId: await tenantId(slug), userId: null, name });
}

function call(method: 'GET' | 'POST', headers: Record<string, string>, body?: string): Request {
  return new Request('http://localhost/api/v1/items', { method, headers, body });
}

const auth = (key: string, tenant: string) => ({ authorization: `Bearer ${key}`, 'x-tenant-id': tenant });

describe('API key material', () => {
  it('creates a tnt_ key shown once: only its SHA-256 and a short prefix are stored', async () => {
    const { key, apiKey } = await newKey('acme');
    expect(key).toMatch(/^tnt_[A-Za-z0-9_-]{43}$/);
    const row = await withoutTenant((c) => c.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } }));
    expect(row.keyHash).toBe(hashApiKey(key));
    expect(key.startsWith(row.prefix)).toBe(true);
    expect(row.prefix.length).toBeLessThan(12);
    expect(JSON.stringify(row)).not.toContain(key.slice(row.prefix.length));
    expect((await listApiKeys(await tenantId('acme'))).map((k) => k.id)).toContain(apiKey.id);
  });

  it('never makes the same key twice', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateApiKey().key));
    expect(keys.size).toBe(200);
  });
});

describe('authenticateApiKey', () => {
  it('accepts a live key with its own tenant in the header', async () => {
    const { key } = await newKey('acme');
    const result = await authenticateApiKey(new Headers(auth(key, 'acme')), { headerName: 'X-Tenant-ID' });
    expect(result).toMatchObject({ ok: true, tenant: { slug: 'acme' } });
  });

  it('refuses a key for another tenant with 403', async () => {
    const { key } = await newKey('acme');
    const result = await authenticateApiKey(new Headers(auth(key, 'globex')), { headerName: 'X-Tenant-ID' });
    expect(result).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a revoked key with 401', async () => {
    const { key, apiKey } = await newKey('acme');
    expect(await revokeApiKey(await tenantId('acme'), apiKey.id)).toBe(true);
    const result = await authenticateApiKey(new Headers(auth(key, 'acme')), { headerName: 'X-Tenant-ID' });
    expect(result).toMatchObject({ ok: false, status: 401 });
  });

  it('cannot revoke another tenant’s key', async () => {
    const { key, apiKey } = await newKey('globex');
    expect(await revokeApiKey(await tenantId('acme'), apiKey.id)).toBe(false);
    expect((await authenticateApiKey(new Headers(auth(key, 'globex')), { headerName: 'X-Tenant-ID' })).ok).toBe(true);
  });

  it.each([
    ['no Authorization header', {}],
    ['a non-Bearer scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['a malformed key', { authorization: 'Bearer tnt_short' }],
    ['a well-formed unknown key', { authorization: `Bearer ${'tnt_'}${'A'.repeat(43)}` }],
  ])('refuses %s with 401', async (_label, headers) => {
    const result = await authenticateApiKey(new Headers({ ...headers, 'x-tenant-id': 'acme' }), {
      headerName: 'X-Tenant-ID',
    });
    expect(result).toMatchObject({ ok: false, status: 401 });
  });

  it('tells a caller without a key how to send one', async () => {
    const result = await authenticateApiKey(new Headers({ 'x-tenant-id': 'acme' }), { headerName: 'X-Tenant-ID' });
    expect(result).toMatchObject({ ok: false, status: 401, error: expect.stringMatching(/Missing API key/) });
  });

  it('refuses a missing tenant header with 400, after the key check', async () => {
    const { key } = await newKey('acme');
    expect(
      await authenticateApiKey(new Headers({ authorization: `Bearer ${key}` }), { headerName: 'X-Tenant-ID' }),
    ).toMatchObject({ status: 400 });
    expect(await authenticateApiKey(new Headers({}), { headerName: 'X-Tenant-ID' })).toMatchObject({ status: 401 });
  });

  it('reads the copy the middleware forwards (it strips x-tenant-* headers), as a claim checked like the header', async () => {
    const { key } = await newKey('acme');
    const forwarded = (tenant: string) => new Headers({ authorization: `Bearer ${key}`, [API_TENANT_HEADER]: tenant });
    expect((await authenticateApiKey(forwarded('acme'), { headerName: 'X-Tenant-ID' })).ok).toBe(true);
    expect(await authenticateApiKey(forwarded('globex'), { headerName: 'X-Tenant-ID' })).toMatchObject({ status: 403 });
  });

  it('reads the tenant from the configured header name', async () => {
    const { key } = await newKey('acme');
    const headers = new Headers({ authorization: `Bearer ${key}`, 'x-org': 'acme' });
    expect((await authenticateApiKey(headers, { headerName: 'X-Org' })).ok).toBe(true);
    expect((await authenticateApiKey(headers, { headerName: 'X-Tenant-ID' })).ok).toBe(false);
  });
});

describe('/api/v1/items', () => {
  it('lists only the key’s tenant’s items', async () => {
    const { key } = await newKey('acme');
    const res = await GET(call('GET', auth(key, 'acme')));
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { id: string }[] };
    const acme = await tenantId('acme');
    const rows = await withoutTenant((c) =>
      c.item.findMany({ where: { id: { in: items.map((i) => i.id) } }, select: { tenantId: true } }),
    );
    expect(rows.length).toBe(items.length);
    expect(rows.every((r) => r.tenantId === acme)).toBe(true);
  });

  it('creates an item in the key’s tenant and audits it', async () => {
    const { key, apiKey } = await newKey('acme');
    const res = await POST(
      call(
        'POST',
        { ...auth(key, 'acme'), 'content-type': 'application/json' },
        JSON.stringify({ name: 'From the API' }),
      ),
    );
    expect(res.status).toBe(201);
    const { item } = (await res.json()) as { item: { id: string } };
    const row = await withoutTenant((c) =>
      c.item.findUniqueOrThrow({ where: { id: item.id }, select: { tenantId: true, name: true } }),
    );
    expect(row).toEqual({ tenantId: await tenantId('acme'), name: 'From the API' });
    const audit = await withoutTenant((c) =>
      c.auditLog.findFirst({ where: { action: 'items.create', data: { path: ['itemId'], equals: item.id } } }),
    );
    expect(audit?.tenantId).toBe(await tenantId('acme'));
    expect(audit?.data).toMatchObject({ via: 'api', keyId: apiKey.id });
  });

  it('refuses a key for another tenant with 403 and writes nothing', async () => {
    const { key } = await newKey('acme');
    const before = await withoutTenant((c) => c.item.count());
    const res = await POST(call('POST', auth(key, 'globex'), JSON.stringify({ name: 'Smuggled' })));
    expect(res.status).toBe(403);
    expect(await withoutTenant((c) => c.item.count())).toBe(before);
  });

  it('refuses no key and a revoked key with 401', async () => {
    expect((await GET(call('GET', { 'x-tenant-id': 'acme' }))).status).toBe(401);
    const { key, apiKey } = await newKey('acme');
    await revokeApiKey(await tenantId('acme'), apiKey.id);
    const res = await GET(call('GET', auth(key, 'acme')));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('answers malformed JSON and an invalid body with 400 and field errors, writing nothing', async () => {
    const { key } = await newKey('acme');
    const before = await withoutTenant((c) => c.item.count());
    expect((await POST(call('POST', auth(key, 'acme'), '{"name": '))).status).toBe(400);
    const res = await POST(call('POST', auth(key, 'acme'), JSON.stringify({ name: '   ' })));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.name?.length).toBeGreaterThan(
      0,
    );
    expect((await POST(call('POST', auth(key, 'acme'), JSON.stringify(['x'])))).status).toBe(400);
    expect(await withoutTenant((c) => c.item.count())).toBe(before);
  });

  it('answers a duplicate name with 409', async () => {
    const { key } = await newKey('acme');
    const body = JSON.stringify({ name: `dup-${randomUUID()}` });
    expect((await POST(call('POST', auth(key, 'acme'), body))).status).toBe(201);
    expect((await POST(call('POST', auth(key, 'acme'), body))).status).toBe(409);
  });

  it('answers 429 with Retry-After once the tenant’s plan budget is spent', async () => {
    process.env.RATE_LIMIT_FREE = '3';
    resetRateLimiters();
    try {
      const { key } = await newKey('globex');
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await GET(call('GET', auth(key, 'globex')))).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const res = await GET(call('GET', auth(key, 'globex')));
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      process.env.RATE_LIMIT_FREE = '1000';
      resetRateLimiters();
    }
  });
});

describe('who created it', () => {
  it('records the creator of a key made from the settings page', async () => {
    const alice = await userId('alice@acme.test');
    const { apiKey } = await createApiKey({ tenantId: await tenantId('acme'), userId: alice, name: 'alice key' });
    const row = await withoutTenant((c) =>
      c.apiKey.findUniqueOrThrow({ where: { id: apiKey.id }, select: { createdById: true } }),
    );
    expect(row.createdById).toBe(alice);
  });
});
