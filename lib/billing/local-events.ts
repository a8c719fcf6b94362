import 'server-only';
import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { webhookSecret } from './config';
import type { PaidPlanId } from './plans';
import { priceIdFor } from './prices';
import type { SubscriptionStatus } from './state';
import { receiveStripeWebhook, type WebhookResult } from './webhook';

/**
 * The local provider's Stripe: builds the same event payloads Stripe sends (the fields
 * lib/billing/stripe-events.ts reads, in Stripe's current shape), signs each with the configured
 * webhook secret exactly as Stripe does (`Stripe.webhooks.generateTestHeaderString`), and hands it
 * to the same receiver the webhook route calls, signature check included. Nothing here skips a
 * step the Stripe path takes. The hand-over is in-process rather than an HTTP request to our own
 * URL: a server behind a proxy, TLS or a host name it cannot resolve itself (`acme.localhost`)
 * could not reliably reach its own route, and the route adds nothing but reading the raw body
 * (tests/billing/webhook-http.test.ts covers that part over HTTP with these same payloads).
 * Tests build their payloads with these functions too.
 */
export type StripeLikeEvent = {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  livemode: false;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
  type: string;
  data: { object: Record<string, unknown> };
};

export const localId = (prefix: string): string => `${prefix}_local_${randomBytes(9).toString('base64url')}`;
const seconds = (date: Date): number => Math.floor(date.getTime() / 1000);

export function stripeEvent(type: string, object: Record<string, unknown>, created: Date): StripeLikeEvent {
  return {
    id: localId('evt'),
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: seconds(created),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

export type LocalSubscription = {
  tenantId: string;
  customerId: string;
  subscriptionId: string;
  plan: PaidPlanId;
  seats: number;
  status: SubscriptionStatus;
  periodEnd: Date;
  trialEnd: Date | null;
};

export function subscriptionObject(s: LocalSubscription): Record<string, unknown> {
  return {
    id: s.subscriptionId,
    object: 'subscription',
    customer: s.customerId,
    status: s.status,
    metadata: { tenantId: s.tenantId, plan: s.plan },
    trial_end: s.trialEnd ? seconds(s.trialEnd) : null,
    cancel_at: null,
    items: {
      object: 'list',
      data: [
        {
          id: `si_${s.subscriptionId}`,
          object: 'subscription_item',
          price: { id: priceIdFor(s.plan), object: 'price', recurring: { interval: 'month' } },
          quantity: s.seats,
          current_period_end: seconds(s.periodEnd),
        },
      ],
    },
  };
}

const CENTS_PER_SEAT: Readonly<Record<PaidPlanId, number>> = { pro: 1200, enterprise: 3000 };

export function invoiceObject(s: LocalSubscription, paid: boolean, at: Date): Record<string, unknown> {
  const amount = s.status === 'trialing' ? 0 : CENTS_PER_SEAT[s.plan] * s.seats;
  return {
    id: localId('in'),
    object: 'invoice',
    customer: s.customerId,
    number: `LOCAL-${seconds(at)}`,
    created: seconds(at),
    currency: 'usd',
    amount_due: amount,
    amount_paid: paid ? amount : 0,
    status: paid ? 'paid' : 'open',
    hosted_invoice_url: null,
    parent: {
      type: 'subscription_details',
      subscription_details: { subscription: s.subscriptionId, metadata: { tenantId: s.tenantId, plan: s.plan } },
    },
  };
}

export function checkoutObject(s: LocalSubscription): Record<string, unknown> {
  return {
    id: localId('cs'),
    object: 'checkout.session',
    mode: 'subscription',
    status: 'complete',
    client_reference_id: s.tenantId,
    customer: s.customerId,
    subscription: s.subscriptionId,
    metadata: { tenantId: s.tenantId, plan: s.plan },
  };
}

/** Serialises and signs one event the way Stripe does; returns the raw body and its header. */
export function signEvent(event: StripeLikeEvent, secret: string): { payload: string; signature: string } {
  const payload = JSON.stringify(event);
  return { payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret }) };
}

/** Signs each event with the configured secret and delivers it, in order, to the webhook receiver. */
export async function deliverLocally(events: StripeLikeEvent[]): Promise<WebhookResult[]> {
  const secret = webhookSecret();
  if (!secret) throw new Error('STRIPE_WEBHOOK_SECRET is not set; the local provider cannot sign events.');
  const results: WebhookResult[] = [];
  for (const event of events) {
    const { payload, signature } = signEvent(event, secret);
    results.push(await receiveStripeWebhook(payload, signature));
  }
  return results;
}
