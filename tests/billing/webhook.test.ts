import { describe, expect, it } from 'vitest';
import { forTenant } from '@/lib/db';
import { seededDbForSuite, tenantId } from '../accounts/scratch';
import {
  at,
  billingSnapshot,
  checkoutEvent,
  deliver,
  entitlements,
  freshTenant,
  invoiceEvent,
  signed,
  subscriptionEvent,
  subscriptionFor,
} from './helpers';
import { receiveStripeWebhook } from '@/lib/billing/webhook';

/**
 * The webhook receiver with real signed Stripe payloads and the real database: signature,
 * replay, ordering, the lifecycle to free, and tenant isolation. The route's own HTTP behaviour
 * (raw body, status codes) is tests/billing/webhook-http.test.ts.
 */
seededDbForSuite();

const DAY = 86_400_000;

describe('the Stripe webhook receiver', () => {
  it('refuses a bad or missing signature with 400 and changes nothing', async () => {
    const tenant = await freshTenant();
    const s = subscriptionFor(tenant.id);
    const event = subscriptionEvent('created', s, new Date());
    const before = await billingSnapshot(tenant.id);
    const { payload, signature } = signed(event, 'whsec_someone_else_entirely');
    expect((await receiveStripeWebhook(payload, signature)).status).toBe(400);
    expect((await receiveStripeWebhook(payload, null)).status).toBe(400);
    // A valid signature over another body does not carry over to a tampered one.
    const good = signed(event);
    const tampered = good.payload.replace('"quantity":10', '"quantity":9999');
    expect((await receiveStripeWebhook(tampered, good.signature)).status).toBe(400);
    expect(await billingSnapshot(tenant.id)).toEqual(before);
    expect((await entitlements(tenant.id)).plan).toBe('free');
  });

  it('applies an event once: a replay is stored nowhere and changes nothing', async () => {
    const tenant = await freshTenant();
    const s = subscriptionFor(tenant.id);
    const created = subscriptionEvent('created', s, new Date());
    expect((await deliver(created)).body.outcome).toBe('none → active');
    const after = await billingSnapshot(tenant.id);
    expect(after.subscription).toMatchObject({ plan: 'pro', status: 'active', seats: 10 });
    expect(after.audits).toBe(1);

    const replay = await deliver(created);
    expect(replay).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });
    expect(await billingSnapshot(tenant.id)).toEqual(after);
    // Twenty simultaneous deliveries of one new event still apply it exactly once.
    const update = subscriptionEvent('updated', { ...s, seats: 12 }, new Date(Date.now() + 1000));
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => deliver(update)));
    expect(outcomes.filter((o) => o.body.outcome === 'duplicate')).toHaveLength(19);
    const final = await billingSnapshot(tenant.id);
    expect(final.subscription.seats).toBe(12);
    expect(final.audits).toBe(2);
  });

  it('never moves a subscription backwards when events arrive out of order', async () => {
    const tenant = await freshTenant();
    const s = subscriptionFor(tenant.id, { status: 'trialing', trialEnd: new Date(Date.now() + 14 * DAY) });
    const t0 = at('2026-11-01T10:00:00Z');
    const t1 = at('2026-11-15T10:00:00Z');
    const t2 = at('2026-11-20T10:00:00Z');
    // Delivered newest first: canceled (t2), then the older active (t1) and trialing (t0).
    await deliver(subscriptionEvent('deleted', { ...s, status: 'canceled' }, t2));
    const canceled = await billingSnapshot(tenant.id);
    expect(canceled.subscription.status).toBe('canceled');
    const late = await deliver(subscriptionEvent('updated', { ...s, status: 'active' }, t1));
    expect(String(late.body.outcome)).toMatch(/^unchanged: stale/);
    await deliver(subscriptionEvent('created', s, t0));
    expect((await billingSnapshot(tenant.id)).subscription).toEqual(canceled.subscription);
    expect((await entitlements(tenant.id)).plan).toBe('free');

    // Same second, lower status: past_due then a same-second "active" does not undo it...
    const other = await freshTenant();
    const o = subscriptionFor(other.id);
    const t = at('2026-11-10T09:00:00Z');
    await deliver(subscriptionEvent('created', o, at('2026-11-01T09:00:00Z')));
    await deliver(subscriptionEvent('updated', { ...o, status: 'past_due' }, t));
    await deliver(subscriptionEvent('updated', { ...o, status: 'active' }, t));
    expect((await billingSnapshot(other.id)).subscription.status).toBe('past_due');
    // ...but a later paid invoice does.
    await deliver(invoiceEvent(true, o, new Date(t.getTime() + 60_000)));
    expect((await billingSnapshot(other.id)).subscription.status).toBe('active');
  });

  it('past_due keeps the plan through the grace period, then the tenant has free entitlements', async () => {
    const tenant = await freshTenant();
    const s = subscriptionFor(tenant.id, { seats: 20 });
    const start = new Date();
    await deliver(checkoutEvent(s, start));
    await deliver(subscriptionEvent('created', s, start));
    expect(await entitlements(tenant.id)).toMatchObject({ plan: 'pro', seatLimit: 20 });
    expect((await entitlements(tenant.id)).features.customDomains).toBe(true);

    const failedAt = new Date(start.getTime() + 1000);
    await deliver(invoiceEvent(false, s, failedAt));
    const due = await billingSnapshot(tenant.id);
    expect(due.subscription.status).toBe('past_due');
    // BILLING_GRACE_DAYS defaults to 7, counted from the failure Stripe reported.
    expect(due.subscription.graceUntil?.getTime()).toBe(Math.floor(failedAt.getTime() / 1000) * 1000 + 7 * DAY);
    // Stripe's own past_due update (same second) keeps the first grace deadline.
    await deliver(subscriptionEvent('updated', { ...s, status: 'past_due' }, failedAt));
    expect((await billingSnapshot(tenant.id)).subscription.graceUntil).toEqual(due.subscription.graceUntil);

    const inGrace = await entitlements(tenant.id, new Date(failedAt.getTime() + 6 * DAY));
    expect(inGrace).toMatchObject({ plan: 'pro', inGrace: true, seatLimit: 20 });
    const afterGrace = await entitlements(tenant.id, new Date(failedAt.getTime() + 7 * DAY + 1000));
    expect(afterGrace).toMatchObject({ plan: 'free', subscribedPlan: 'pro', inGrace: false, seatLimit: 5 });
    expect(afterGrace.features.customDomains).toBe(false);
    expect(afterGrace.rateLimitTier).toBe('free');

    // Paying recovers the plan and ends the grace period.
    await deliver(invoiceEvent(true, s, new Date(failedAt.getTime() + 2000)));
    const recovered = await billingSnapshot(tenant.id);
    expect(recovered.subscription).toMatchObject({ status: 'active', graceUntil: null });
  });

  it('cancel → the free plan; every change is in the audit log', async () => {
    const tenant = await freshTenant();
    const s = subscriptionFor(tenant.id, { plan: 'enterprise', seats: 30 });
    const t = new Date();
    await deliver(subscriptionEvent('created', s, t));
    expect((await entitlements(tenant.id)).plan).toBe('enterprise');
    await deliver(subscriptionEvent('deleted', { ...s, status: 'canceled' }, new Date(t.getTime() + 1000)));
    const ent = await entitlements(tenant.id);
    expect(ent).toMatchObject({ plan: 'free', status: 'canceled', seatLimit: 5, apiKeyLimit: 5 });
    const audit = await forTenant(tenant.id).auditLog.findMany({
      where: { action: 'billing.subscription' },
      orderBy: { createdAt: 'asc' },
      select: { data: true, userId: true },
    });
    expect(audit.map((a) => a.data)).toMatchObject([
      { from: 'none', to: 'active', plan: 'enterprise' },
      { from: 'active', to: 'canceled', plan: 'free' },
    ]);
    // A later event for the canceled subscription cannot revive it.
    await deliver(subscriptionEvent('updated', { ...s, status: 'active' }, new Date(t.getTime() + 5000)));
    expect((await entitlements(tenant.id)).plan).toBe('free');
  });

  it('a webhook for acme never changes globex', async () => {
    const acme = await tenantId('acme');
    const globex = await tenantId('globex');
    const before = await billingSnapshot(globex);
    const s = subscriptionFor(acme);
    await deliver(subscriptionEvent('created', s, new Date()));
    expect((await entitlements(acme)).plan).toBe('pro');
    expect(await billingSnapshot(globex)).toEqual(before);

    // An event about acme's customer that names globex in its metadata is refused outright.
    const forged = subscriptionEvent(
      'updated',
      { ...s, tenantId: globex, plan: 'enterprise', seats: 999 },
      new Date(Date.now() + 1000),
    );
    const result = await deliver(forged);
    expect(result.body.ignored).toBe('no tenant for this event');
    expect(await billingSnapshot(globex)).toEqual(before);
    expect((await billingSnapshot(acme)).subscription).toMatchObject({ plan: 'pro', seats: 10 });
    // An invoice for acme's customer changes acme only.
    await deliver(invoiceEvent(false, s, new Date(Date.now() + 2000)));
    expect((await billingSnapshot(acme)).subscription.status).toBe('past_due');
    expect(await billingSnapshot(globex)).toEqual(before);
    // Clean up: acme back to free, for the suites after this one.
    await deliver(subscriptionEvent('deleted', { ...s, status: 'canceled' }, new Date(Date.now() + 3000)));
  });

  it('ignores events it does not handle or cannot place, storing nothing', async () => {
    const tenant = await freshTenant();
    const s = subscriptionFor(tenant.id);
    const unknownTenant = subscriptionFor('c_not_a_tenant');
    expect((await deliver(subscriptionEvent('created', unknownTenant, new Date()))).body.ignored).toBeDefined();
    const { stripeEvent } = await import('@/lib/billing/local-events');
    expect((await deliver(stripeEvent('customer.created', { id: s.customerId }, new Date()))).body.ignored).toMatch(
      /unhandled/,
    );
    expect((await billingSnapshot(tenant.id)).events).toBe(0);
  });
});
