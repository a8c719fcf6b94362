import { request as httpRequest } from 'node:http';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@/lib/db/prisma';
import type { PrismaClient } from '@/lib/db/generated/client';
import { type AppServer, ensureBuilt, requestAs, startApp } from '../fixtures/app-server';
import { createScratchDb, type ScratchDb } from '../fixtures/scratch-db';
import { signInAs } from '../fixtures/sign-in';

/**
 * The lifecycle over real HTTP (next start, subdomain mode): a suspended tenant's pages send its
 * members to the suspended page, its realtime token route answers 403, and unsuspending restores
 * both; the owner's export is a zip that others cannot download; /admin is a 404 to a non-operator
 * and the console to an operator (PLATFORM_OPERATORS).
 */
describe('tenant lifecycle over HTTP', () => {
  let database: ScratchDb;
  let app: AppServer;
  let prisma: PrismaClient;
  let bobGlobex: string;
  let aliceAcme: string;
  let carolAcme: string;
  let opsApex: string;
  let aliceApex: string;

  beforeAll(async () => {
    ensureBuilt();
    database = await createScratchDb({ seed: true });
    prisma = createPrismaClient(database.url, 1);
    app = await startApp(
      {
        DATABASE_URL: database.url,
        TENANT_RESOLVER: 'subdomain',
        TENANT_MAIN_DOMAIN: 'localhost',
        AUTH_SECRET: 'http-lifecycle-secret-0123456789abc',
        REALTIME_SECRET: 'http-lifecycle-realtime-secret-0123456789ab',
        RATE_LIMIT_PREFIX: `http-lifecycle-${Date.now()}`,
        PLATFORM_OPERATORS: 'carol@both.test',
      },
      { bindAll: true },
    );
    [bobGlobex, aliceAcme, carolAcme, opsApex, aliceApex] = await Promise.all([
      signInAs(app, 'globex.localhost', 'bob@globex.test'),
      signInAs(app, 'acme.localhost', 'alice@acme.test'),
      signInAs(app, 'acme.localhost', 'carol@both.test'),
      signInAs(app, 'localhost', 'carol@both.test'),
      signInAs(app, 'localhost', 'alice@acme.test'),
    ]);
  });

  afterAll(async () => {
    await app?.stop();
    await prisma?.$disconnect();
    await database?.drop();
  });

  /** A GET whose body is kept as bytes (requestAs decodes it as text). */
  const download = (host: string, path: string, cookie: string) =>
    new Promise<{ status: number; type: string | undefined; body: Uint8Array }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: app.port, path, headers: { host, cookie } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  const get = (host: string, path: string, cookie: string) => requestAs(app, host, path, { headers: { cookie } });
  const token = (cookie: string) =>
    requestAs(app, 'globex.localhost', '/api/realtime/token', { method: 'POST', headers: { cookie } });
  const setSuspended = (at: Date | null) =>
    prisma.tenant.update({ where: { slug: 'globex' }, data: { suspendedAt: at } });

  it('suspension: pages go to the suspended page, no realtime token; unsuspending restores both', async () => {
    expect((await get('globex.localhost', '/dashboard', bobGlobex)).status).toBe(200);
    expect((await token(bobGlobex)).status).toBe(200);

    await setSuspended(new Date());
    const page = await get('globex.localhost', '/dashboard', bobGlobex);
    expect([303, 307, 308]).toContain(page.status);
    expect(String(page.headers.location)).toMatch(/\/suspended$/);
    const suspended = await get('globex.localhost', '/suspended', bobGlobex);
    expect(suspended.status).toBe(200);
    expect(suspended.body).toContain('is suspended');
    expect((await token(bobGlobex)).status).toBe(403);

    await setSuspended(null);
    const back = await get('globex.localhost', '/dashboard', bobGlobex);
    expect(back.status).toBe(200);
    expect(back.body).toContain('Globex Hammock');
    expect((await token(bobGlobex)).status).toBe(200);
  });

  it('the export is a zip for the owner, 403 for a member', async () => {
    const res = await download('acme.localhost', '/settings/export', aliceAcme);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/zip');
    const files = unzipSync(res.body);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as {
      models: Record<string, { rows: number }>;
    };
    expect(manifest.models.Item?.rows).toBe(3);
    expect((await get('acme.localhost', '/settings/export', carolAcme)).status).toBe(403);
  });

  it('/admin is a 404 to a non-operator and the console to an operator', async () => {
    for (const path of [
      '/admin',
      '/admin/tenants/acme',
      '/admin/audit',
      '/admin/tenants/acme/export',
      '/admin/audit/export',
    ])
      expect((await get('localhost', path, aliceApex)).status, path).toBe(404);
    const console = await get('localhost', '/admin', opsApex);
    expect(console.status).toBe(200);
    expect(console.body).toContain('Acme Corp');
    expect(console.body).toContain('Globex');
  });
});
