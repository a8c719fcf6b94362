import 'server-only';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { navigateTo } from '@/lib/actions/navigate';
import { ActionError } from '@/lib/actions/run-tenant-action';
import { trialDays } from './config';
import { entitlementsOf, seatLimitOf } from './effective';
import { deliverLocally, localId } from './local-events';
import { readLocalSession } from './local-session';
import { PLANS, type PaidPlanId, type PlanId } from './plans';
import { billingProvider } from './provider';
import { checkoutEvents, failedPaymentEvents, liveLocalSubscription, recoveredPaymentEvents } from './provider/local';
import { changePlanSchema, checkoutSchema, emptySchema, localPortalSchema, localSessionSchema } from './schemas';
import type { SubscriptionState } from './state';
import { loadSubscription, seatsUsed } from './subscription';
import { billingPageUrl } from './urls';

/**
 * The Billing page's actions (owner only: `billing.manage`); entry points in
 * components/billing/actions.ts. None of them writes the subscription: checkout, plan changes and
 * cancellation go to the provider, and the subscription changes when the webhook receiver applies
 * the provider's event (at once for the local provider, within seconds for Stripe). What they
 * refuse themselves: buying fewer seats than members, and any downgrade below current usage.
 */
const BILLING_PAGE = '/[tenant]/billing';
const NOT_CONFIGURED = 'Billing is not configured on this server (BILLING_PROVIDER).';

const isLive = (s: SubscriptionState) => s.status === 'trialing' || s.status === 'active' || s.status === 'past_due';

function provider() {
  const p = billingProvider();
  if (!p) throw new ActionError(NOT_CONFIGURED);
  return p;
}

/** Refuses a plan or seat count below the members the tenant has now. */
async function refuseBelowUsage(tenantId: string, plan: PlanId, seats: number): Promise<void> {
  const used = await seatsUsed(tenantId);
  const limit = seatLimitOf(plan, seats);
  if (limit >= used) return;
  const message =
    plan === 'free'
      ? `This workspace has ${used} members; the Free plan allows ${limit}. Remove members first.`
      : `This workspace has ${used} members; choose at least ${used} seats (or remove members first).`;
  throw new ActionError(message, { seats: [message] });
}

function checkSeatMaximum(plan: PaidPlanId, seats: number): void {
  const max = PLANS[plan].maxSeats;
  if (seats > max)
    throw new ActionError(`${PLANS[plan].name} allows at most ${max} seats.`, { seats: [`At most ${max}.`] });
}

export const startCheckoutAction = defineAction(
  { name: 'billing.checkout', permission: 'billing.manage', schema: checkoutSchema },
  async (input, { tenant, user }) => {
    const p = provider();
    const current = await loadSubscription(tenant.id);
    if (isLive(current))
      throw new ActionError('This workspace already has a subscription: change its plan or seats instead.');
    checkSeatMaximum(input.plan, input.seats);
    await refuseBelowUsage(tenant.id, input.plan, input.seats);
    const { url } = await p.createCheckout({
      tenantId: tenant.id,
      plan: input.plan,
      seats: input.seats,
      customerId: current.stripeCustomerId,
      email: user.email,
      returnUrl: await billingPageUrl(),
      trial: current.status === 'none',
    });
    return { message: 'Opening checkout…', data: navigateTo(url), audit: { plan: input.plan, seats: input.seats } };
  },
);

export const changePlanAction = defineAction(
  { name: 'billing.changePlan', permission: 'billing.manage', schema: changePlanSchema },
  async (input, { tenant }) => {
    const p = provider();
    const current = await loadSubscription(tenant.id);
    if (!isLive(current)) throw new ActionError('There is no subscription to change; choose a plan to subscribe.');
    const seats = input.seats ?? current.seats;
    await refuseBelowUsage(tenant.id, input.plan, seats);
    if (input.plan === 'free') {
      await p.cancelSubscription({ tenantId: tenant.id, subscription: current });
    } else {
      checkSeatMaximum(input.plan, seats);
      await p.changeSubscription({ tenantId: tenant.id, subscription: current, plan: input.plan, seats });
    }
    revalidatePath(BILLING_PAGE, 'page');
    const message =
      p.name === 'local' ? 'Subscription updated.' : 'Change sent to Stripe; it applies as soon as Stripe confirms it.';
    return { message, audit: { plan: input.plan, seats } };
  },
);

export const openPortalAction = defineAction(
  { name: 'billing.portal', permission: 'billing.manage', schema: emptySchema },
  async (_input, { tenant }) => {
    const p = provider();
    const current = await loadSubscription(tenant.id);
    if (!current.stripeCustomerId) throw new ActionError('There is no billing account yet; subscribe first.');
    const { url } = await p.createPortal({
      tenantId: tenant.id,
      customerId: current.stripeCustomerId,
      returnUrl: await billingPageUrl(),
    });
    return { data: navigateTo(url) };
  },
);

function localOnly(): void {
  if (billingProvider()?.name !== 'local') throw new ActionError('The local checkout is not enabled on this server.');
}

/** The local checkout's "pay" button: the events Stripe sends after a successful Checkout. */
export const localCheckoutPaidAction = defineAction(
  { name: 'billing.localCheckout', permission: 'billing.manage', schema: localSessionSchema },
  async (input, { tenant }) => {
    localOnly();
    const session = readLocalSession(input.session, tenant.id);
    if (session?.kind !== 'checkout' || !session.plan || !session.seats)
      throw new ActionError('This checkout link is not valid any more. Start again from the Billing page.');
    const current = await loadSubscription(tenant.id);
    if (isLive(current)) throw new ActionError('This workspace already has a subscription.');
    await refuseBelowUsage(tenant.id, session.plan, session.seats);
    const now = new Date();
    const trialing = current.status === 'none' && trialDays() > 0;
    await deliverLocally(
      checkoutEvents(
        {
          tenantId: tenant.id,
          customerId: current.stripeCustomerId ?? localId('cus'),
          subscriptionId: localId('sub'),
          plan: session.plan,
          seats: session.seats,
          status: trialing ? 'trialing' : 'active',
          periodEnd: new Date(now.getTime() + 30 * 86_400_000),
          trialEnd: trialing ? new Date(now.getTime() + trialDays() * 86_400_000) : null,
        },
        now,
      ),
    );
    revalidatePath(BILLING_PAGE, 'page');
    return {
      message: `Subscribed to ${PLANS[session.plan].name}.`,
      data: navigateTo(await billingPageUrl()),
      audit: { plan: session.plan, seats: session.seats, provider: 'local' },
    };
  },
);

/** The local portal's buttons: cancel, or a failed / recovered renewal payment (to try past_due and grace). */
export const localPortalAction = defineAction(
  { name: 'billing.localPortal', permission: 'billing.manage', schema: localPortalSchema },
  async (input, { tenant }) => {
    localOnly();
    const session = readLocalSession(input.session, tenant.id);
    if (session?.kind !== 'portal')
      throw new ActionError('This portal link is not valid any more. Open it again from the Billing page.');
    const current = await loadSubscription(tenant.id);
    const now = new Date();
    const live = isLive(current) ? liveLocalSubscription(tenant.id, current, now) : null;
    if (!live) throw new ActionError('There is no subscription to manage.');
    if (input.op === 'cancel') {
      await refuseBelowUsage(tenant.id, 'free', 0);
      await provider().cancelSubscription({ tenantId: tenant.id, subscription: current });
    } else if (input.op === 'fail-payment') {
      await deliverLocally(failedPaymentEvents(live, now));
    } else {
      await deliverLocally(recoveredPaymentEvents(live, now));
    }
    revalidatePath(BILLING_PAGE, 'page');
    const after = entitlementsOf(await loadSubscription(tenant.id), now);
    return { message: `Subscription is now ${after.status.replace('_', ' ')}.`, audit: { op: input.op } };
  },
);
