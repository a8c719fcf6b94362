import type { BillingSignal } from './stripe-events';
import type { SubscriptionState, SubscriptionStatus } from './state';

/**
 * How one Stripe event changes a tenant's subscription. Pure: (state, signal, event time, grace)
 * → the next state, or a reason it changes nothing. The rules that keep billing honest:
 *
 * - Never backwards. An event created before the last applied one is stale and changes nothing
 *   (Stripe does not deliver in order). Within the same second, a status never moves back down
 *   the lifecycle (trialing < active < past_due < unpaid < canceled) for the same subscription.
 * - Canceled is final for a subscription: a late `updated` for it cannot revive it. A new
 *   subscription (another id, created later) can start again.
 * - past_due starts a grace period (`graceDays` from the event); active or trialing ends it.
 *
 * Tests: tests/billing/transitions.test.ts, tests/billing/webhook.test.ts.
 */
export type Transition =
  | { changed: true; next: SubscriptionState; from: SubscriptionStatus; to: SubscriptionStatus }
  | { changed: false; reason: string };

const RANK: Readonly<Record<SubscriptionStatus, number>> = {
  none: 0,
  incomplete: 1,
  trialing: 2,
  active: 3,
  past_due: 4,
  unpaid: 5,
  canceled: 6,
};

const DAY_MS = 86_400_000;

function unchanged(reason: string): Transition {
  return { changed: false, reason };
}

function stale(current: SubscriptionState, created: Date): boolean {
  return current.lastEventAt !== null && created.getTime() < current.lastEventAt.getTime();
}

function sameSecond(current: SubscriptionState, created: Date): boolean {
  return current.lastEventAt !== null && created.getTime() === current.lastEventAt.getTime();
}

function withGrace(
  current: SubscriptionState,
  status: SubscriptionStatus,
  created: Date,
  graceDays: number,
): Date | null {
  if (status !== 'past_due') return null;
  return current.status === 'past_due' && current.graceUntil
    ? current.graceUntil
    : new Date(created.getTime() + graceDays * DAY_MS);
}

function moved(current: SubscriptionState, next: SubscriptionState): Transition {
  return { changed: true, next, from: current.status, to: next.status };
}

export function transition(
  current: SubscriptionState,
  signal: BillingSignal,
  event: { id: string; created: Date },
  graceDays: number,
): Transition {
  if (signal.kind === 'ignored') return unchanged(signal.reason);

  if (signal.kind === 'checkout') {
    // Only fills in the Stripe ids of a new subscription; the subscription events carry the state.
    const fresh = current.status === 'none' || current.status === 'canceled' || current.stripeSubscriptionId === null;
    if (!fresh) return unchanged('checkout for a tenant that already has a live subscription');
    if (current.stripeCustomerId === signal.customerId && current.stripeSubscriptionId === signal.subscriptionId)
      return unchanged('checkout already recorded');
    return moved(current, {
      ...current,
      stripeCustomerId: signal.customerId ?? current.stripeCustomerId,
      stripeSubscriptionId: signal.subscriptionId ?? current.stripeSubscriptionId,
    });
  }

  if (stale(current, event.created)) return unchanged('stale: older than the last applied event');
  const sameSubscription = current.stripeSubscriptionId === signal.subscriptionId;

  if (signal.kind === 'subscription') {
    if (sameSubscription && current.status === 'canceled') return unchanged('subscription already canceled');
    if (sameSubscription && sameSecond(current, event.created) && RANK[signal.status] < RANK[current.status])
      return unchanged(`would move ${current.status} back to ${signal.status}`);
    const live = current.status === 'trialing' || current.status === 'active' || current.status === 'past_due';
    if (!sameSubscription && live && current.stripeSubscriptionId !== null && signal.status === 'canceled')
      return unchanged('cancellation of a subscription the tenant no longer uses');
    return moved(current, {
      ...current,
      plan: signal.status === 'canceled' ? 'free' : signal.plan,
      status: signal.status,
      seats: signal.status === 'canceled' ? 0 : signal.seats,
      stripeCustomerId: signal.customerId,
      stripeSubscriptionId: signal.subscriptionId,
      currentPeriodEnd: signal.currentPeriodEnd,
      trialEnd: signal.trialEnd,
      cancelAt: signal.cancelAt,
      graceUntil: withGrace(current, signal.status, event.created, graceDays),
      lastEventAt: event.created,
      lastEventId: event.id,
    });
  }

  // Invoices move only the subscription they belong to, and only between active and past_due.
  if (!sameSubscription || current.stripeSubscriptionId === null) return unchanged('invoice of another subscription');
  if (!signal.paid) {
    if (current.status !== 'active' && current.status !== 'trialing')
      return unchanged(`payment failed while ${current.status}`);
    return moved(current, {
      ...current,
      status: 'past_due',
      graceUntil: withGrace(current, 'past_due', event.created, graceDays),
      lastEventAt: event.created,
      lastEventId: event.id,
    });
  }
  if (current.status !== 'past_due' && current.status !== 'unpaid')
    return unchanged(`invoice paid while ${current.status}`);
  return moved(current, {
    ...current,
    status: 'active',
    graceUntil: null,
    lastEventAt: event.created,
    lastEventId: event.id,
  });
}
