/**
 * POST /api/billing/webhook — Stripe's (and the local provider's) events.
 *
 * Invariant: the body is read raw (`request.text()`, never parsed before the signature check);
 * a missing or bad `Stripe-Signature` is a 400 and changes nothing; every event is stored by id
 * and applied once, in order, to the tenant our records name (lib/billing/webhook.ts). No session,
 * no tenant from the host: Stripe is the caller, the signature is the authentication.
 * Tests: tests/billing/webhook-http.test.ts (over HTTP), tests/billing/webhook.test.ts.
 */
import { receiveStripeWebhook } from '@/lib/billing/webhook';
import { withDatabaseUnavailable } from '@/lib/http/database-unavailable';

/** Stripe's events are a few kilobytes; anything far larger is not one. */
const MAX_BODY_BYTES = 512 * 1024;

export const POST = withDatabaseUnavailable(async (request: Request): Promise<Response> => {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) return Response.json({ error: 'Payload too large.' }, { status: 413 });
  const raw = await request.text();
  if (raw.length > MAX_BODY_BYTES) return Response.json({ error: 'Payload too large.' }, { status: 413 });
  const result = await receiveStripeWebhook(raw, request.headers.get('stripe-signature'));
  return Response.json(result.body, { status: result.status, headers: { 'Cache-Control': 'no-store' } });
});
