import 'server-only';
import { forTenant } from '@/lib/db';
import { isPlanId } from './plans';
import { isStatus, NO_SUBSCRIPTION, type SubscriptionState } from './state';

/**
 * Reading a tenant's Subscription row (through the tenant's own client, so only its row). No row
 * means the tenant never subscribed: the free plan.
 */
export const SUBSCRIPTION_SELECT = {
  plan: true,
  status: true,
  seats: true,
  stripeCustomerId: true,
  stripeSubscriptionId: true,
  currentPeriodEnd: true,
  trialEnd: true,
  graceUntil: true,
  cancelAt: true,
  lastEventAt: true,
  lastEventId: true,
} as const;

type Row = {
  plan: string;
  status: string;
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

/** A stored row as state; an unknown plan or status (edited by hand) reads as free / none. */
export function toState(row: Row | null): SubscriptionState {
  if (!row) return NO_SUBSCRIPTION;
  return {
    ...row,
    plan: isPlanId(row.plan) ? row.plan : 'free',
    status: isStatus(row.status) ? row.status : 'none',
  };
}

export async function loadSubscription(tenantId: string): Promise<SubscriptionState> {
  const row = await forTenant(tenantId).subscription.findUnique({ where: { tenantId }, select: SUBSCRIPTION_SELECT });
  return toState(row);
}

/** Seats in use: the tenant's memberships. */
export async function seatsUsed(tenantId: string): Promise<number> {
  return forTenant(tenantId).membership.count();
}
