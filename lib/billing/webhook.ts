import 'server-only';
import Stripe from 'stripe';
import { forTenant, withoutTenant } from '@/lib/db';
import { logger } from '@/lib/log/logger';
import { graceDays, webhookSecret } from './config';
import { lockTenantRow } from './lock';
import { notifyOwnersPastDue } from './notify';
import { type BillingSignal, readEnvelope, type StripeEventEnvelope, toSignal } from './stripe-events';
import { SUBSCRIPTION_SELECT, toState } from './subscription';
import { transition } from './transitions';

/**
 * The Stripe webhook receiver (app/api/billing/webhook/route.ts; the local provider hands its
 * signed events to the same function).
 *
 * Invariants (tests/billing/webhook.test.ts, tests/billing/webhook-http.test.ts):
 * - the signature is verified on the raw body before anything is read: missing or bad → 400 and
 *   nothing is stored or changed;
 * - the tenant comes from our own records (the Stripe customer we stored) or, for a first event,
 *   the tenant id we put in the checkout's metadata; when the two disagree the event is refused,
 *   so an event about acme's customer can never change globex;
 * - store-then-apply in ONE transaction: the event row (primary key = Stripe's event id) is
 *   inserted first, so a replayed or concurrent duplicate inserts nothing and changes nothing;
 * - the tenant row is locked while the subscription is read and written, and `transition()`
 *   refuses anything older than what was applied, so out-of-order delivery never moves back;
 * - every change writes an audit entry in the same transaction.
 */
export type WebhookResult = { status: number; body: Record<string, unknown> };

const ok = (body: Record<string, unknown>): WebhookResult => ({ status: 200, body: { received: true, ...body } });
const refuse = (status: number, error: string): WebhookResult => ({ status, body: { error } });

export async function receiveStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookResult> {
  const secret = webhookSecret();
  if (!secret) return refuse(503, 'Billing webhooks are not configured (STRIPE_WEBHOOK_SECRET).');
  if (!signature) return refuse(400, 'Missing Stripe-Signature header.');
  let event: unknown;
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    return refuse(400, 'Invalid signature.');
  }
  const envelope = readEnvelope(event);
  if (!envelope) return refuse(400, 'Not a Stripe event.');
  const signal = toSignal(envelope);
  if (signal.kind === 'ignored') return ok({ ignored: signal.reason });

  const tenantId = await tenantFor(signal);
  if (!tenantId) {
    logger.warn({ area: 'billing', eventId: envelope.id, type: envelope.type }, 'webhook: no tenant for this event');
    return ok({ ignored: 'no tenant for this event' });
  }
  const result = await applyEvent(tenantId, envelope, signal);
  if (result.enteredPastDue) await notifyOwnersPastDue(tenantId, { graceUntil: result.graceUntil });
  return ok({ outcome: result.outcome });
}

/** Which tenant an event is about; null when unknown or when our records and the metadata disagree. */
async function tenantFor(signal: Exclude<BillingSignal, { kind: 'ignored' }>): Promise<string | null> {
  const customerId = signal.customerId;
  // Crossing tenants by design: the customer id decides the tenant (like an invitation's token).
  const owner = customerId
    ? await withoutTenant((c) =>
        c.subscription.findFirst({ where: { stripeCustomerId: customerId }, select: { tenantId: true } }),
      )
    : null;
  if (owner && signal.tenantHint && owner.tenantId !== signal.tenantHint) return null;
  const candidate = owner?.tenantId ?? signal.tenantHint;
  if (!candidate) return null;
  const tenant = await withoutTenant((c) => c.tenant.findUnique({ where: { id: candidate }, select: { id: true } }));
  return tenant?.id ?? null;
}

type Applied = { outcome: string; enteredPastDue: boolean; graceUntil: Date | null };

async function applyEvent(
  tenantId: string,
  event: StripeEventEnvelope,
  signal: Exclude<BillingSignal, { kind: 'ignored' }>,
): Promise<Applied> {
  const scoped = forTenant(tenantId);
  return scoped.$transaction(async (tx) => {
    const stored = await tx.billingEvent.createMany({
      data: [
        {
          id: event.id,
          tenantId,
          type: event.type,
          stripeCreatedAt: event.created,
          payload: event.object as object,
        },
      ],
      skipDuplicates: true,
    });
    if (stored.count === 0) return { outcome: 'duplicate', enteredPastDue: false, graceUntil: null };

    await lockTenantRow(tx, tenantId);
    const current = toState(await tx.subscription.findUnique({ where: { tenantId }, select: SUBSCRIPTION_SELECT }));
    const result = transition(current, signal, { id: event.id, created: event.created }, graceDays());
    if (!result.changed) {
      await tx.billingEvent.update({ where: { id: event.id }, data: { outcome: result.reason }, select: { id: true } });
      return { outcome: `unchanged: ${result.reason}`, enteredPastDue: false, graceUntil: null };
    }
    const { next } = result;
    await tx.subscription.upsert({
      where: { tenantId },
      create: { tenantId, ...next },
      update: next,
      select: { id: true },
    });
    const summary = `${result.from} → ${result.to}`;
    await tx.billingEvent.update({
      where: { id: event.id },
      data: { applied: true, outcome: summary },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: {
        tenantId,
        userId: null,
        action: 'billing.subscription',
        data: {
          eventId: event.id,
          type: event.type,
          from: result.from,
          to: result.to,
          plan: next.plan,
          seats: next.seats,
          graceUntil: next.graceUntil?.toISOString() ?? null,
        },
      },
      select: { id: true },
    });
    return {
      outcome: summary,
      enteredPastDue: result.to === 'past_due' && result.from !== 'past_due',
      graceUntil: next.graceUntil,
    };
  });
}
