import { describe, expect, it } from 'vitest';
import { NO_SUBSCRIPTION, type SubscriptionState } from '@/lib/billing/state';
import { readEnvelope, toSignal } from '@/lib/billing/stripe-events';
import { transition } from '@/lib/billing/transitions';
import { invoiceEvent, subscriptionEvent, subscriptionFor } from './helpers';

/** The state machine alone (pure): Stripe payloads in, the next state or a reason out. */
const tenantId = 'c_tenant';
const s = subscriptionFor(tenantId, { customerId: 'cus_1', subscriptionId: 'sub_1', seats: 7 });
const t = (iso: string) => new Date(iso);

function apply(state: SubscriptionState, event: ReturnType<typeof subscriptionEvent>) {
  const envelope = readEnvelope(JSON.parse(JSON.stringify(event)));
  if (!envelope) throw new Error('not an event');
  return transition(state, toSignal(envelope), { id: envelope.id, created: envelope.created }, 7);
}

function next(state: SubscriptionState, event: ReturnType<typeof subscriptionEvent>): SubscriptionState {
  const result = apply(state, event);
  if (!result.changed) throw new Error(result.reason);
  return result.next;
}

describe('transition', () => {
  it('reads plan, seats and status from Stripe’s current payload shape', () => {
    const active = next(NO_SUBSCRIPTION, subscriptionEvent('created', s, t('2026-12-01T00:00:00Z')));
    expect(active).toMatchObject({ plan: 'pro', seats: 7, status: 'active', stripeSubscriptionId: 'sub_1' });
    expect(active.currentPeriodEnd).toEqual(new Date(Math.floor(s.periodEnd.getTime() / 1000) * 1000));
  });

  it('refuses an older event, a same-second step back, and reviving a canceled subscription', () => {
    const active = next(NO_SUBSCRIPTION, subscriptionEvent('created', s, t('2026-12-02T00:00:00Z')));
    expect(
      apply(active, subscriptionEvent('updated', { ...s, status: 'trialing' }, t('2026-12-01T00:00:00Z'))),
    ).toMatchObject({
      changed: false,
      reason: expect.stringMatching(/stale/),
    });
    expect(
      apply(active, subscriptionEvent('updated', { ...s, status: 'trialing' }, t('2026-12-02T00:00:00Z'))),
    ).toMatchObject({
      changed: false,
    });
    const canceled = next(
      active,
      subscriptionEvent('deleted', { ...s, status: 'canceled' }, t('2026-12-03T00:00:00Z')),
    );
    expect(canceled).toMatchObject({ status: 'canceled', plan: 'free', seats: 0 });
    expect(apply(canceled, subscriptionEvent('updated', s, t('2026-12-04T00:00:00Z'))).changed).toBe(false);
    // A new subscription (another id) after a cancellation starts over.
    const again = next(
      canceled,
      subscriptionEvent('created', { ...s, subscriptionId: 'sub_2' }, t('2026-12-05T00:00:00Z')),
    );
    expect(again).toMatchObject({ status: 'active', stripeSubscriptionId: 'sub_2' });
  });

  it('starts grace on a failed payment and ends it on a paid invoice; other subscriptions’ invoices do nothing', () => {
    const active = next(NO_SUBSCRIPTION, subscriptionEvent('created', s, t('2026-12-01T00:00:00Z')));
    const due = next(active, invoiceEvent(false, s, t('2026-12-10T00:00:00Z')));
    expect(due).toMatchObject({ status: 'past_due', graceUntil: t('2026-12-17T00:00:00Z') });
    expect(
      apply(due, invoiceEvent(true, { ...s, subscriptionId: 'sub_other' }, t('2026-12-11T00:00:00Z'))).changed,
    ).toBe(false);
    expect(next(due, invoiceEvent(true, s, t('2026-12-11T00:00:00Z')))).toMatchObject({
      status: 'active',
      graceUntil: null,
    });
  });

  it('ignores a price it does not sell', () => {
    const event = subscriptionEvent('created', s, t('2026-12-01T00:00:00Z'));
    const object = event.data.object as {
      items: { data: { price: { id: string } }[] };
      metadata: Record<string, string>;
    };
    object.items.data[0]!.price.id = 'price_someone_elses';
    delete object.metadata.plan;
    expect(apply(NO_SUBSCRIPTION, event)).toMatchObject({
      changed: false,
      reason: expect.stringMatching(/unknown price/),
    });
  });
});
