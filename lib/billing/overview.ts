import 'server-only';
import { logger } from '@/lib/log/logger';
import { daysLeft, type Entitlements, entitlementsOf } from './effective';
import { billingProvider, type Invoice } from './provider';
import type { SubscriptionState } from './state';
import { loadSubscription, seatsUsed } from './subscription';

/** Everything the Billing page shows, in one read. */
export type BillingOverview = {
  provider: 'stripe' | 'local' | null;
  subscription: SubscriptionState;
  entitlements: Entitlements;
  seatsUsed: number;
  trialDaysLeft: number | null;
  graceDaysLeft: number | null;
  live: boolean;
  invoices: Invoice[];
  invoicesUnavailable: boolean;
};

export async function loadBillingOverview(tenantId: string, now = new Date()): Promise<BillingOverview> {
  const [subscription, used] = await Promise.all([loadSubscription(tenantId), seatsUsed(tenantId)]);
  const provider = billingProvider();
  const ent = entitlementsOf(subscription, now);
  let invoices: Invoice[] = [];
  let invoicesUnavailable = false;
  try {
    invoices = provider ? await provider.listInvoices({ tenantId, customerId: subscription.stripeCustomerId }) : [];
  } catch (error) {
    // The page still shows the plan when Stripe is unreachable; the invoice list says so.
    invoicesUnavailable = true;
    logger.warn({ area: 'billing', tenantId, err: String(error) }, 'listing invoices failed');
  }
  return {
    provider: provider?.name ?? null,
    subscription,
    entitlements: ent,
    seatsUsed: used,
    trialDaysLeft: daysLeft(ent.trialEndsAt, now),
    graceDaysLeft: daysLeft(ent.graceUntil, now),
    live: ['trialing', 'active', 'past_due'].includes(subscription.status),
    invoices,
    invoicesUnavailable,
  };
}
