import { type Features, PLANS, type PlanId } from './plans';
import type { SubscriptionState, SubscriptionStatus } from './state';

/**
 * What a subscription grants right now. Pure, with `now` passed in, so the grace period is tested
 * without waiting: trialing and active grant their plan; past_due keeps it until `graceUntil`, then
 * the tenant has the free plan's entitlements; anything else (none, incomplete, unpaid, canceled)
 * is the free plan. Tests: tests/billing/entitlements.test.ts.
 */
export type Entitlements = {
  plan: PlanId;
  planName: string;
  status: SubscriptionStatus;
  /** The plan paid for, even while it is not granted (past_due after grace, canceled). */
  subscribedPlan: PlanId;
  seatLimit: number;
  features: Features;
  rateLimitTier: PlanId;
  apiKeyLimit: number;
  trialEndsAt: Date | null;
  graceUntil: Date | null;
  /** True while past_due but still inside the grace period. */
  inGrace: boolean;
};

export function grantedPlan(sub: SubscriptionState, now: Date): PlanId {
  switch (sub.status) {
    case 'trialing':
    case 'active':
      return sub.plan;
    case 'past_due':
      return sub.graceUntil && now.getTime() < sub.graceUntil.getTime() ? sub.plan : 'free';
    default:
      return 'free';
  }
}

export function seatLimitOf(plan: PlanId, seats: number): number {
  const config = PLANS[plan];
  if (plan === 'free') return config.includedSeats;
  return Math.min(Math.max(seats > 0 ? seats : config.includedSeats, 1), config.maxSeats);
}

export function entitlementsOf(sub: SubscriptionState, now: Date): Entitlements {
  const plan = grantedPlan(sub, now);
  const config = PLANS[plan];
  return {
    plan,
    planName: config.name,
    status: sub.status,
    subscribedPlan: sub.plan,
    seatLimit: seatLimitOf(plan, sub.seats),
    features: { ...config.features },
    rateLimitTier: config.rateLimitTier,
    apiKeyLimit: config.apiKeyLimit,
    trialEndsAt: sub.status === 'trialing' ? sub.trialEnd : null,
    graceUntil: sub.status === 'past_due' ? sub.graceUntil : null,
    inGrace: sub.status === 'past_due' && plan !== 'free',
  };
}

/** Whole days from `now` until `date` (rounded up), never negative. */
export function daysLeft(date: Date | null, now: Date): number | null {
  if (!date) return null;
  return Math.max(0, Math.ceil((date.getTime() - now.getTime()) / 86_400_000));
}
