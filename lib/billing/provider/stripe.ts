import 'server-only';
import Stripe from 'stripe';
import { env } from '@/lib/env';
import { singleton } from '@/lib/singleton';
import { trialDays } from '../config';
import { priceIdFor } from '../prices';
import type { BillingProvider, Invoice } from './index';

/**
 * The Stripe provider (the official `stripe` SDK): Checkout in subscription mode with the seat
 * count as the quantity, the Customer Portal, subscription updates and the invoice list. The
 * tenant id travels in `client_reference_id` and the subscription's metadata, which is how the
 * webhook receiver finds the tenant of the first events. Nothing here changes our database: the
 * webhook does, when Stripe confirms.
 */
function client(): Stripe {
  const key = env.STRIPE_SECRET_KEY;
  if (!key) throw new Error('STRIPE_SECRET_KEY is not set');
  return singleton(`billing.stripe:${key.slice(-6)}`, () => new Stripe(key, { maxNetworkRetries: 2 }));
}

export function stripeProvider(): BillingProvider {
  return {
    name: 'stripe',

    async createCheckout({ tenantId, plan, seats, customerId, email, returnUrl, trial }) {
      const session = await client().checkout.sessions.create({
        mode: 'subscription',
        client_reference_id: tenantId,
        ...(customerId ? { customer: customerId } : { customer_email: email }),
        line_items: [{ price: priceIdFor(plan), quantity: seats }],
        metadata: { tenantId, plan },
        subscription_data: {
          metadata: { tenantId, plan },
          ...(trial && trialDays() > 0 ? { trial_period_days: trialDays() } : {}),
        },
        success_url: `${returnUrl}?checkout=success`,
        cancel_url: `${returnUrl}?checkout=canceled`,
      });
      if (!session.url) throw new Error('Stripe returned a checkout session without a URL');
      return { url: session.url };
    },

    async createPortal({ customerId, returnUrl }) {
      const session = await client().billingPortal.sessions.create({ customer: customerId, return_url: returnUrl });
      return { url: session.url };
    },

    async changeSubscription({ tenantId, subscription, plan, seats }) {
      if (!subscription.stripeSubscriptionId) throw new Error('no live subscription to change');
      const stripe = client();
      const current = await stripe.subscriptions.retrieve(subscription.stripeSubscriptionId);
      const item = current.items.data[0];
      if (!item) throw new Error('subscription has no items');
      await stripe.subscriptions.update(subscription.stripeSubscriptionId, {
        items: [{ id: item.id, price: priceIdFor(plan), quantity: seats }],
        metadata: { tenantId, plan },
        proration_behavior: 'create_prorations',
      });
    },

    async cancelSubscription({ subscription }) {
      if (!subscription.stripeSubscriptionId) throw new Error('no live subscription to cancel');
      await client().subscriptions.cancel(subscription.stripeSubscriptionId);
    },

    async listInvoices({ customerId }) {
      if (!customerId) return [];
      const list = await client().invoices.list({ customer: customerId, limit: 24 });
      return list.data.map(
        (inv): Invoice => ({
          id: inv.id ?? '',
          number: inv.number ?? null,
          date: new Date(inv.created * 1000),
          amountCents: inv.amount_due,
          currency: inv.currency,
          status: inv.status ?? 'draft',
          url: inv.hosted_invoice_url ?? null,
        }),
      );
    },
  };
}
