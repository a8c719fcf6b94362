import 'server-only';
import { billingProviderName, type ProviderName } from '../config';
import type { PaidPlanId } from '../plans';
import type { SubscriptionState } from '../state';
import { localProvider } from './local';
import { stripeProvider } from './stripe';

/**
 * What the billing page and actions need from a payment provider. Two implementations, chosen by
 * BILLING_PROVIDER: `stripe` (the real thing) and `local` (an in-app checkout whose "pay" button
 * produces Stripe's signed events). Either way the subscription changes only when the webhook
 * receiver applies an event, so both run the same state machine.
 */
export type Invoice = {
  id: string;
  number: string | null;
  date: Date;
  amountCents: number;
  currency: string;
  status: string;
  url: string | null;
};

export type CheckoutInput = {
  tenantId: string;
  plan: PaidPlanId;
  seats: number;
  customerId: string | null;
  email: string;
  /** Absolute URL of the tenant's Billing page: where the provider sends the owner back. */
  returnUrl: string;
  trial: boolean;
};

export type BillingProvider = {
  name: ProviderName;
  createCheckout(input: CheckoutInput): Promise<{ url: string }>;
  createPortal(input: { tenantId: string; customerId: string; returnUrl: string }): Promise<{ url: string }>;
  /** Moves a live subscription to another paid plan or seat count. */
  changeSubscription(input: {
    tenantId: string;
    subscription: SubscriptionState;
    plan: PaidPlanId;
    seats: number;
  }): Promise<void>;
  /** Ends a live subscription (at once); the tenant falls back to the free plan. */
  cancelSubscription(input: { tenantId: string; subscription: SubscriptionState }): Promise<void>;
  listInvoices(input: { tenantId: string; customerId: string | null }): Promise<Invoice[]>;
};

/** The configured provider, or null when billing is off (production without BILLING_PROVIDER). */
export function billingProvider(): BillingProvider | null {
  const name = billingProviderName();
  if (name === 'stripe') return stripeProvider();
  if (name === 'local') return localProvider;
  return null;
}
