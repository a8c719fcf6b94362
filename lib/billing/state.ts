import type { PlanId } from './plans';

/**
 * A tenant's subscription as stored (the `Subscription` row, minus bookkeeping), and the statuses
 * it moves through: none → trialing → active → past_due → canceled (Stripe's names; `incomplete`
 * and `unpaid` are kept as Stripe sends them). Pure.
 */
export const STATUSES = ['none', 'incomplete', 'trialing', 'active', 'past_due', 'unpaid', 'canceled'] as const;
export type SubscriptionStatus = (typeof STATUSES)[number];

export function isStatus(value: unknown): value is SubscriptionStatus {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

export type SubscriptionState = {
  plan: PlanId;
  status: SubscriptionStatus;
  seats: number;
  stripeCustomerId: string | null;
  stripeSubscriptionId: string | null;
  currentPeriodEnd: Date | null;
  trialEnd: Date | null;
  graceUntil: Date | null;
  cancelAt: Date | null;
  lastEventAt: Date | null;
  lastEventId: string | null;
};

export const NO_SUBSCRIPTION: SubscriptionState = {
  plan: 'free',
  status: 'none',
  seats: 0,
  stripeCustomerId: null,
  stripeSubscriptionId: null,
  currentPeriodEnd: null,
  trialEnd: null,
  graceUntil: null,
  cancelAt: null,
  lastEventAt: null,
  lastEventId: null,
};
