import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type AppServer, ensureBuilt, startApp } from '../tests/fixtures/app-server';
import { freePort } from '../tests/fixtures/free-port';
import { hash as argonHash } from '@node-rs/argon2';
import { createPrismaClient } from '../lib/db/prisma';
import { SEED_PASSWORD } from '../prisma/seed';
import { createScratchDb } from '../tests/fixtures/scratch-db';
import { startInbox } from '../scripts/dev-inbox.mjs';
import { E2E_CUSTOM_DOMAINS, E2E_OPERATOR } from './helpers';

/**
 * Starts everything the browser specs need, on a fresh seeded database:
 * one `next start` per resolver mode and one realtime sidecar. Specs read the URLs from env:
 *   E2E_PORT_SUBDOMAIN (use http://acme.localhost:<port>), E2E_URL_PATH, E2E_URL_HEADER,
 *   E2E_URL_SESSION, E2E_REALTIME_URL, E2E_DATABASE_URL, E2E_INBOX_URL (the dev inbox every email
 *   lands in; a job worker sends them with APP_URL = the subdomain server on localhost).
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const REALTIME_SECRET = 'e2e-realtime-secret-0123456789abcdef';
const AUTH_SECRET = 'e2e-auth-secret-0123456789abcdef0123';

async function addOperator(url: string): Promise<void> {
  const prisma = createPrismaClient(url, 1);
  try {
    const passwordHash = await argonHash(SEED_PASSWORD, { memoryCost: 19_456, timeCost: 2 });
    await prisma.user.create({
      data: { email: E2E_OPERATOR, name: 'Operator', passwordHash, emailVerified: new Date() },
    });
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * Verified custom domains for acme and globex (e2e/custom-domains.spec.ts maps them to loopback in
 * Chromium). Written directly: DNS verification has its own suites (tests/domains). Not primary, so
 * the other specs' landings on `<slug>.localhost` stay as they are.
 */
async function addCustomDomains(url: string): Promise<void> {
  const prisma = createPrismaClient(url, 1);
  try {
    for (const [slug, hostname] of Object.entries(E2E_CUSTOM_DOMAINS)) {
      const tenant = await prisma.tenant.findUniqueOrThrow({ where: { slug }, select: { id: true } });
      await prisma.tenantDomain.create({
        data: { tenantId: tenant.id, hostname, status: 'verified', token: 'e2e', verifiedAt: new Date() },
      });
    }
  } finally {
    await prisma.$disconnect();
  }
}

async function startRealtime(port: number, appPorts: number[], lookupOrigin: string): Promise<ChildProcess> {
  const origins = appPorts.flatMap((p) => [`http://localhost:${p}`, `http://*.localhost:${p}`]);
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['realtime-server/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      REALTIME_PORT: String(port),
      REALTIME_SECRET,
      REALTIME_ALLOWED_ORIGINS: origins.join(','),
      // Origins of verified custom domains are asked of the subdomain server (signed with AUTH_SECRET).
      DOMAIN_LOOKUP_ORIGIN: lookupOrigin,
      AUTH_SECRET,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 120_000; // a loaded 2-core CI box can take over 30 s to start tsx
  while (Date.now() < deadline) {
    try {
      await fetch(`http://127.0.0.1:${port}/healthz`);
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error('realtime sidecar did not start');
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  ensureBuilt();
  const database = await createScratchDb({ seed: true });
  await addOperator(database.url);
  await addCustomDomains(database.url);
  const realtimePort = await freePort();
  const realtimeUrl = `http://localhost:${realtimePort}`;
  const common = {
    DATABASE_URL: database.url,
    REALTIME_SECRET,
    REALTIME_PUBLIC_URL: realtimeUrl,
    AUTH_SECRET,
    // The local billing provider, allowed explicitly in this production build (docs/billing.md).
    BILLING_PROVIDER: 'local',
    BILLING_LOCAL_IN_PRODUCTION: 'on',
    STRIPE_WEBHOOK_SECRET: 'whsec_e2e_billing_0123456789',
    // Each run its own rate-limit and sign-in budgets, so a re-run minutes later is not throttled.
    RATE_LIMIT_PREFIX: `e2e-${Date.now().toString(36)}`,
    PLATFORM_OPERATORS: E2E_OPERATOR,
  };
  const servers: AppServer[] = [];
  mkdirSync(path.join(ROOT, 'test-results/servers'), { recursive: true });
  const start = async (env: Record<string, string>) => {
    const logFile = path.join(ROOT, `test-results/servers/${env.TENANT_RESOLVER}.log`);
    const app = await startApp({ ...common, ...env }, { bindAll: true, logFile });
    servers.push(app);
    return app;
  };
  // Magic links go to the server log (no mailer): e2e/one-sign-in.spec.ts reads them from its log file.
  const subdomain = await start({
    TENANT_RESOLVER: 'subdomain',
    TENANT_MAIN_DOMAIN: 'localhost',
    LOG_LEVEL: 'info',
  });
  const pathMode = await start({ TENANT_RESOLVER: 'path' });
  const header = await start({ TENANT_RESOLVER: 'header' });
  const session = await start({ TENANT_RESOLVER: 'session' });
  const realtime = await startRealtime(
    realtimePort,
    servers.map((s) => s.port),
    `http://127.0.0.1:${subdomain.port}`,
  );

  const inbox = await startInbox({ smtpPort: 0, httpPort: 0 });
  const worker = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/worker.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      SMTP_URL: inbox.smtpUrl,
      APP_URL: `http://localhost:${subdomain.port}`,
      TENANT_RESOLVER: 'subdomain',
      TENANT_MAIN_DOMAIN: 'localhost',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });

  process.env.E2E_INBOX_URL = inbox.httpUrl;
  process.env.E2E_PORT_SUBDOMAIN = String(subdomain.port);
  process.env.E2E_LOG_SUBDOMAIN = path.join(ROOT, 'test-results/servers/subdomain.log');
  process.env.E2E_URL_PATH = `http://localhost:${pathMode.port}`;
  process.env.E2E_URL_HEADER = `http://localhost:${header.port}`;
  process.env.E2E_URL_SESSION = `http://localhost:${session.port}`;
  process.env.E2E_REALTIME_URL = realtimeUrl;
  process.env.E2E_DATABASE_URL = database.url;
  // Specs that check the database (e.g. an accepted invitation) use lib/db, which reads DATABASE_URL.
  process.env.DATABASE_URL = database.url;

  return async () => {
    await Promise.all(servers.map((s) => s.stop()));
    realtime.kill('SIGTERM');
    worker.kill('SIGTERM');
    await new Promise((r) => (worker.exitCode === null ? worker.once('exit', r) : r(null)));
    await inbox.stop();
    await database.drop();
  };
}
