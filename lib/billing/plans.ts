import type { Plan as RateLimitTier } from '@/lib/rate-limit';

/**
 * The plans, in one typed table: what each one costs in Stripe (its per-seat price id, from the
 * environment), how many seats it allows, which features it switches on, its rate-limit tier and
 * its API-key limit. Every "may this tenant …?" question is answered from this table through
 * `entitlements()` (lib/billing/entitlements.ts); nothing else decides what a plan includes.
 * Pure: pages, client components and tests may import it.
 */
export const PLAN_IDS = ['free', 'pro', 'enterprise'] as const;
export type PlanId = (typeof PLAN_IDS)[number];
export type PaidPlanId = Exclude<PlanId, 'free'>;

export type Features = {
  documents: boolean;
  presence: boolean;
  apiAccess: boolean;
  customDomains: boolean;
};

export const FEATURE_LABELS: Readonly<Record<keyof Features, string>> = {
  documents: 'Documents',
  presence: 'Live presence',
  apiAccess: 'REST API',
  customDomains: 'Custom domains',
};

export type PlanConfig = {
  id: PlanId;
  name: string;
  /** Display only; Stripe's price is the truth. */
  pricePerSeat: string;
  /** Free: the fixed number of members. Paid: the seats bought, at most `maxSeats`. */
  includedSeats: number;
  maxSeats: number;
  features: Features;
  rateLimitTier: RateLimitTier;
  apiKeyLimit: number;
};

export const PLANS: Readonly<Record<PlanId, PlanConfig>> = {
  free: {
    id: 'free',
    name: 'Free',
    pricePerSeat: '$0',
    includedSeats: 5,
    maxSeats: 5,
    features: { documents: true, presence: true, apiAccess: true, customDomains: false },
    rateLimitTier: 'free',
    apiKeyLimit: 5,
  },
  pro: {
    id: 'pro',
    name: 'Pro',
    pricePerSeat: '$12 / seat / month',
    includedSeats: 5,
    maxSeats: 200,
    features: { documents: true, presence: true, apiAccess: true, customDomains: true },
    rateLimitTier: 'pro',
    apiKeyLimit: 25,
  },
  enterprise: {
    id: 'enterprise',
    name: 'Enterprise',
    pricePerSeat: '$30 / seat / month',
    includedSeats: 10,
    maxSeats: 10_000,
    features: { documents: true, presence: true, apiAccess: true, customDomains: true },
    rateLimitTier: 'enterprise',
    apiKeyLimit: 200,
  },
};

export function isPlanId(value: unknown): value is PlanId {
  return typeof value === 'string' && (PLAN_IDS as readonly string[]).includes(value);
}

export function isPaidPlan(value: unknown): value is PaidPlanId {
  return value === 'pro' || value === 'enterprise';
}

/** Plans ordered by what they include, for "upgrade" versus "downgrade" wording. */
export function planRank(plan: PlanId): number {
  return PLAN_IDS.indexOf(plan);
}
