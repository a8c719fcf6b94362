import { randomUUID } from 'node:crypto';
import { webhookSecret } from '@/lib/billing/config';
import { entitlements } from '@/lib/billing/entitlements';
import {
  checkoutObject,
  invoiceObject,
  type LocalSubscription,
  localId,
  type StripeLikeEvent,
  signEvent,
  stripeEvent,
  subscriptionObject,
} from '@/lib/billing/local-events';
import { loadSubscription } from '@/lib/billing/subscription';
import { receiveStripeWebhook } from '@/lib/billing/webhook';
import { forTenant } from '@/lib/db';
import { createTenant } from '@/lib/onboarding/create-tenant';
import { makeUser } from '../accounts/scratch';

/**
 * Billing test helpers. Events are built by the local provider's own builders (the payloads
 * Stripe sends) and signed with the configured secret, then delivered to the real receiver
 * (or, in webhook-http.test.ts, POSTed to the real route).
 */
export async function freshTenant(prefix = 'bill'): Promise<{ id: string; slug: string; ownerId: string }> {
  const owner = await makeUser(`${prefix}-owner`);
  const slug = `${prefix}-${randomUUID().slice(0, 8)}`;
  const created = await createTenant({ userId: owner.id, name: `${prefix} Co`, slug });
  if (!created.ok) throw new Error('setup failed');
  return { id: created.tenant.id, slug, ownerId: owner.id };
}

export function subscriptionFor(tenantId: string, overrides: Partial<LocalSubscription> = {}): LocalSubscription {
  return {
    tenantId,
    customerId: localId('cus'),
    subscriptionId: localId('sub'),
    plan: 'pro',
    seats: 10,
    status: 'active',
    periodEnd: new Date(Date.now() + 30 * 86_400_000),
    trialEnd: null,
    ...overrides,
  };
}

export const at = (iso: string): Date => new Date(iso);

export function subscriptionEvent(
  type: 'created' | 'updated' | 'deleted',
  s: LocalSubscription,
  created: Date,
): StripeLikeEvent {
  return stripeEvent(`customer.subscription.${type}`, subscriptionObject(s), created);
}

export function invoiceEvent(paid: boolean, s: LocalSubscription, created: Date): StripeLikeEvent {
  return stripeEvent(paid ? 'invoice.paid' : 'invoice.payment_failed', invoiceObject(s, paid, created), created);
}

export function checkoutEvent(s: LocalSubscription, created: Date): StripeLikeEvent {
  return stripeEvent('checkout.session.completed', checkoutObject(s), created);
}

export function signed(event: StripeLikeEvent, secret = webhookSecret() ?? ''): { payload: string; signature: string } {
  return signEvent(event, secret);
}

export async function deliver(event: StripeLikeEvent) {
  const { payload, signature } = signed(event);
  return receiveStripeWebhook(payload, signature);
}

/** A tenant's billing as tests compare it: the stored subscription, events, audit entries. */
export async function billingSnapshot(tenantId: string) {
  const scoped = forTenant(tenantId);
  const [subscription, events, audits] = await Promise.all([
    loadSubscription(tenantId),
    scoped.billingEvent.count(),
    scoped.auditLog.count({ where: { action: 'billing.subscription' } }),
  ]);
  return { subscription, events, audits };
}

export { entitlements };
