import { z } from 'zod';
import { isPlanId, type PlanId } from './plans';
import { planForPrice } from './prices';
import { isStatus, type SubscriptionStatus } from './state';

/**
 * The Stripe events we act on, read into plain signals. Only the fields we need are parsed, and
 * they are read in both the current shape (period end on the subscription item, an invoice's
 * subscription under `parent.subscription_details`) and the older one, so an API-version bump
 * does not silently stop billing. Pure. Tests: tests/billing/transitions.test.ts.
 */
export const HANDLED_EVENTS = [
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.paid',
  'invoice.payment_failed',
] as const;
export type HandledEvent = (typeof HANDLED_EVENTS)[number];

const id = z.union([z.string(), z.object({ id: z.string() }).transform((o) => o.id)]);
const metadata = z.record(z.string(), z.string()).nullish();
const seconds = z.number().int().nullish();

const eventSchema = z.object({
  id: z.string().min(1).max(255),
  type: z.string(),
  created: z.number().int(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

const checkoutSchema = z.object({
  client_reference_id: z.string().nullish(),
  customer: id.nullish(),
  subscription: id.nullish(),
  metadata,
});

const subscriptionSchema = z.object({
  id: z.string(),
  customer: id,
  status: z.string(),
  metadata,
  current_period_end: seconds,
  trial_end: seconds,
  cancel_at: seconds,
  items: z
    .object({
      data: z.array(
        z.object({
          price: z.object({ id: z.string() }).nullish(),
          quantity: z.number().int().nullish(),
          current_period_end: seconds,
        }),
      ),
    })
    .nullish(),
});

const invoiceSchema = z.object({
  id: z.string(),
  customer: id.nullish(),
  subscription: id.nullish(),
  parent: z
    .object({
      subscription_details: z.object({ subscription: id.nullish(), metadata }).nullish(),
    })
    .nullish(),
});

export type StripeEventEnvelope = { id: string; type: string; created: Date; object: Record<string, unknown> };

export type BillingSignal =
  | { kind: 'checkout'; tenantHint: string | null; customerId: string | null; subscriptionId: string | null }
  | {
      kind: 'subscription';
      tenantHint: string | null;
      customerId: string;
      subscriptionId: string;
      status: SubscriptionStatus;
      plan: PlanId;
      seats: number;
      currentPeriodEnd: Date | null;
      trialEnd: Date | null;
      cancelAt: Date | null;
    }
  | {
      kind: 'invoice';
      paid: boolean;
      tenantHint: string | null;
      customerId: string | null;
      subscriptionId: string | null;
    }
  | { kind: 'ignored'; reason: string };

const date = (s: number | null | undefined): Date | null => (typeof s === 'number' ? new Date(s * 1000) : null);

/** The envelope of a verified event; null when it is not shaped like a Stripe event. */
export function readEnvelope(event: unknown): StripeEventEnvelope | null {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) return null;
  return {
    id: parsed.data.id,
    type: parsed.data.type,
    created: date(parsed.data.created)!,
    object: parsed.data.data.object,
  };
}

export function toSignal(event: StripeEventEnvelope): BillingSignal {
  switch (event.type) {
    case 'checkout.session.completed': {
      const s = checkoutSchema.safeParse(event.object);
      if (!s.success) return { kind: 'ignored', reason: 'malformed checkout session' };
      return {
        kind: 'checkout',
        tenantHint: s.data.client_reference_id ?? s.data.metadata?.tenantId ?? null,
        customerId: s.data.customer ?? null,
        subscriptionId: s.data.subscription ?? null,
      };
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted': {
      const s = subscriptionSchema.safeParse(event.object);
      if (!s.success) return { kind: 'ignored', reason: 'malformed subscription' };
      const item = s.data.items?.data[0];
      const plan = planForPrice(item?.price?.id) ?? (isPlanId(s.data.metadata?.plan) ? s.data.metadata.plan : null);
      if (!plan) return { kind: 'ignored', reason: `unknown price ${item?.price?.id ?? '(none)'}` };
      const status: SubscriptionStatus =
        event.type === 'customer.subscription.deleted'
          ? 'canceled'
          : isStatus(s.data.status)
            ? s.data.status
            : 'incomplete';
      return {
        kind: 'subscription',
        tenantHint: s.data.metadata?.tenantId ?? null,
        customerId: s.data.customer,
        subscriptionId: s.data.id,
        status,
        plan,
        seats: item?.quantity ?? 1,
        currentPeriodEnd: date(item?.current_period_end ?? s.data.current_period_end),
        trialEnd: date(s.data.trial_end),
        cancelAt: date(s.data.cancel_at),
      };
    }
    case 'invoice.paid':
    case 'invoice.payment_failed': {
      const s = invoiceSchema.safeParse(event.object);
      if (!s.success) return { kind: 'ignored', reason: 'malformed invoice' };
      const details = s.data.parent?.subscription_details;
      return {
        kind: 'invoice',
        paid: event.type === 'invoice.paid',
        tenantHint: details?.metadata?.tenantId ?? null,
        customerId: s.data.customer ?? null,
        subscriptionId: details?.subscription ?? s.data.subscription ?? null,
      };
    }
    default:
      return { kind: 'ignored', reason: `unhandled event type ${event.type}` };
  }
}
