import { env } from '@/lib/env';
import type { PaidPlanId, PlanId } from './plans';

/**
 * Stripe price ids of the paid plans. With Stripe they come from STRIPE_PRICE_PRO /
 * STRIPE_PRICE_ENTERPRISE; unset (the local provider) they are stable placeholders, so the local
 * provider's events carry a price id exactly like Stripe's and the same mapping reads them back.
 */
export function priceIdFor(plan: PaidPlanId): string {
  if (plan === 'pro') return env.STRIPE_PRICE_PRO ?? 'price_local_pro';
  return env.STRIPE_PRICE_ENTERPRISE ?? 'price_local_enterprise';
}

/** The plan a price id belongs to, or null for a price we do not sell. */
export function planForPrice(priceId: string | null | undefined): PlanId | null {
  if (!priceId) return null;
  if (priceId === priceIdFor('pro')) return 'pro';
  if (priceId === priceIdFor('enterprise')) return 'enterprise';
  return null;
}
