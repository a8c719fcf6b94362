import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectDb, withoutTenant } from '@/lib/db';
import { type AppServer, ensureBuilt, requestAs, startApp } from '../fixtures/app-server';
import { createScratchDb, type ScratchDb } from '../fixtures/scratch-db';
import { signInAs } from '../fixtures/sign-in';
import { billingSnapshot, signed, subscriptionEvent, subscriptionFor } from './helpers';

/**
 * The webhook route and the Billing page over real HTTP (next start, a production build, the
 * local provider allowed explicitly): the raw body's signature decides, a replay changes nothing,
 * acme's event leaves globex alone, and only an owner reaches the Billing page.
 */
const SECRET = 'whsec_http_billing_test_0123456789';

describe('billing over HTTP', () => {
  let database: ScratchDb;
  let app: AppServer;
  let admin: string | undefined;
  let acme: string;
  let globex: string;

  beforeAll(async () => {
    ensureBuilt();
    database = await createScratchDb({ seed: true });
    admin = process.env.DATABASE_URL;
    process.env.DATABASE_URL = database.url;
    app = await startApp(
      {
        DATABASE_URL: database.url,
        TENANT_RESOLVER: 'subdomain',
        TENANT_MAIN_DOMAIN: 'localhost',
        AUTH_SECRET: 'http-billing-test-secret-0123456789',
        RATE_LIMIT_PREFIX: `http-billing-${Date.now()}`,
        BILLING_PROVIDER: 'local',
        BILLING_LOCAL_IN_PRODUCTION: 'on',
        STRIPE_WEBHOOK_SECRET: SECRET,
      },
      { bindAll: true },
    );
    const ids = await withoutTenant((c) => c.tenant.findMany({ select: { id: true, slug: true } }));
    acme = ids.find((t) => t.slug === 'acme')?.id ?? '';
    globex = ids.find((t) => t.slug === 'globex')?.id ?? '';
  });

  afterAll(async () => {
    await app?.stop();
    await disconnectDb();
    process.env.DATABASE_URL = admin;
    await database?.drop();
  });

  const post = (body: string, signature?: string) =>
    requestAs(app, 'localhost', '/api/billing/webhook', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) },
    });

  it('answers 400 to a missing, forged or mismatched signature, and changes nothing', async () => {
    const event = subscriptionEvent('created', subscriptionFor(acme), new Date());
    const before = await billingSnapshot(acme);
    const good = signed(event, SECRET);
    expect((await post(good.payload)).status).toBe(400);
    expect((await post(good.payload, 't=1,v1=deadbeef')).status).toBe(400);
    expect((await post(good.payload, signed(event, 'whsec_not_the_configured_one').signature)).status).toBe(400);
    // The signature covers the raw bytes: re-serialised JSON (other spacing) no longer matches.
    expect((await post(JSON.stringify(JSON.parse(good.payload), null, 2), good.signature)).status).toBe(400);
    expect(await billingSnapshot(acme)).toEqual(before);
  });

  it('applies a signed event once; a replay is a 200 that changes nothing; globex is untouched', async () => {
    const globexBefore = await billingSnapshot(globex);
    const event = subscriptionEvent('created', subscriptionFor(acme, { seats: 12 }), new Date());
    const { payload, signature } = signed(event, SECRET);
    const first = await post(payload, signature);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toMatchObject({ received: true, outcome: 'none → active' });
    const after = await billingSnapshot(acme);
    expect(after.subscription).toMatchObject({ plan: 'pro', status: 'active', seats: 12 });

    const replay = await post(payload, signature);
    expect(replay.status).toBe(200);
    expect(JSON.parse(replay.body)).toMatchObject({ outcome: 'duplicate' });
    expect(await billingSnapshot(acme)).toEqual(after);
    expect(await billingSnapshot(globex)).toEqual(globexBefore);
  });

  it('shows the Billing page to an owner only: a member and an admin get 403', async () => {
    const [alice, carol] = await Promise.all([
      signInAs(app, 'acme.localhost', 'alice@acme.test'),
      signInAs(app, 'acme.localhost', 'carol@both.test'),
    ]);
    const owner = await requestAs(app, 'acme.localhost', '/billing', { headers: { cookie: alice } });
    expect(owner.status).toBe(200);
    expect(owner.body).toContain('data-testid="billing-plan"');
    expect(owner.body).toContain('data-testid="billing-seats">2 / 12<'); // alice and carol; the seats bought above

    expect((await requestAs(app, 'acme.localhost', '/billing', { headers: { cookie: carol } })).status).toBe(403);
    const carolId = await withoutTenant((c) =>
      c.user.findUniqueOrThrow({ where: { email: 'carol@both.test' }, select: { id: true } }),
    );
    await withoutTenant((c) =>
      c.membership.updateMany({ where: { tenantId: acme, userId: carolId.id }, data: { role: 'ADMIN' } }),
    );
    expect((await requestAs(app, 'acme.localhost', '/billing', { headers: { cookie: carol } })).status).toBe(403);
    // The nav shows Billing to the owner only.
    const dashboard = await requestAs(app, 'acme.localhost', '/dashboard', { headers: { cookie: carol } });
    expect(dashboard.body).not.toContain('>Billing<');
  });
});
