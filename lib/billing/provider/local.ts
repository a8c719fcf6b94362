import 'server-only';
import { forTenant } from '@/lib/db';
import {
  checkoutObject,
  deliverLocally,
  invoiceObject,
  type LocalSubscription,
  stripeEvent,
  subscriptionObject,
} from '../local-events';
import { signLocalSession } from '../local-session';
import { isPaidPlan } from '../plans';
import type { SubscriptionState } from '../state';
import type { BillingProvider, Invoice } from './index';

/**
 * The local provider: no network, no payment. Checkout and portal are pages of this app
 * (app/[tenant]/billing/checkout/[session], …/portal/[session]) behind a signed session token;
 * their buttons call `localCheckoutPaid` / `localPortalOperation`, which emit the events Stripe
 * would send, signed, through the real webhook receiver. Invoices are the invoice events received.
 */
const PERIOD_MS = 30 * 86_400_000;

export function liveLocalSubscription(tenantId: string, s: SubscriptionState, now: Date): LocalSubscription | null {
  if (!s.stripeCustomerId || !s.stripeSubscriptionId || !isPaidPlan(s.plan)) return null;
  return {
    tenantId,
    customerId: s.stripeCustomerId,
    subscriptionId: s.stripeSubscriptionId,
    plan: s.plan,
    seats: s.seats,
    status: s.status,
    periodEnd: s.currentPeriodEnd ?? new Date(now.getTime() + PERIOD_MS),
    trialEnd: s.trialEnd,
  };
}

export const localProvider: BillingProvider = {
  name: 'local',

  async createCheckout({ tenantId, plan, seats, returnUrl }) {
    return { url: `${returnUrl}/checkout/${signLocalSession({ kind: 'checkout', tenantId, plan, seats })}` };
  },

  async createPortal({ tenantId, returnUrl }) {
    return { url: `${returnUrl}/portal/${signLocalSession({ kind: 'portal', tenantId })}` };
  },

  async changeSubscription({ tenantId, subscription, plan, seats }) {
    const now = new Date();
    const live = liveLocalSubscription(tenantId, subscription, now);
    if (!live) throw new Error('no live subscription to change');
    await deliverLocally([
      stripeEvent('customer.subscription.updated', subscriptionObject({ ...live, plan, seats }), now),
    ]);
  },

  async cancelSubscription({ tenantId, subscription }) {
    const now = new Date();
    const live = liveLocalSubscription(tenantId, subscription, now);
    if (!live) throw new Error('no live subscription to cancel');
    await deliverLocally([
      stripeEvent('customer.subscription.deleted', subscriptionObject({ ...live, status: 'canceled' }), now),
    ]);
  },

  async listInvoices({ tenantId }) {
    const rows = await forTenant(tenantId).billingEvent.findMany({
      where: { type: { in: ['invoice.paid', 'invoice.payment_failed'] } },
      select: { id: true, type: true, stripeCreatedAt: true, payload: true },
      orderBy: { stripeCreatedAt: 'desc' },
      take: 24,
    });
    return rows.map((row): Invoice => {
      const p = (row.payload ?? {}) as Record<string, unknown>;
      return {
        id: typeof p.id === 'string' ? p.id : row.id,
        number: typeof p.number === 'string' ? p.number : null,
        date: row.stripeCreatedAt,
        amountCents: typeof p.amount_due === 'number' ? p.amount_due : 0,
        currency: typeof p.currency === 'string' ? p.currency : 'usd',
        status: row.type === 'invoice.paid' ? 'paid' : 'payment failed',
        url: null,
      };
    });
  },
};

/** The events of a completed local checkout: session completed, subscription created, first invoice paid. */
export function checkoutEvents(s: LocalSubscription, now: Date) {
  return [
    stripeEvent('checkout.session.completed', checkoutObject(s), now),
    stripeEvent('customer.subscription.created', subscriptionObject(s), now),
    stripeEvent('invoice.paid', invoiceObject(s, true, now), now),
  ];
}

/** A failed renewal as Stripe reports it: the invoice fails, then the subscription turns past_due. */
export function failedPaymentEvents(s: LocalSubscription, now: Date) {
  return [
    stripeEvent('invoice.payment_failed', invoiceObject({ ...s, status: 'active' }, false, now), now),
    stripeEvent('customer.subscription.updated', subscriptionObject({ ...s, status: 'past_due' }), now),
  ];
}

/** A recovered payment: the invoice is paid, then the subscription is active again. */
export function recoveredPaymentEvents(s: LocalSubscription, now: Date) {
  return [
    stripeEvent('invoice.paid', invoiceObject({ ...s, status: 'active' }, true, now), now),
    stripeEvent('customer.subscription.updated', subscriptionObject({ ...s, status: 'active', trialEnd: null }), now),
  ];
}
