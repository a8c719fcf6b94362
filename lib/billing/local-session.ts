import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { webhookSecret } from './config';
import { PAID_PLAN_IDS } from './schemas';

/**
 * The local provider's checkout and portal "sessions": a signed, short-lived token in the page URL
 * (HMAC-SHA256 with the webhook secret), naming the tenant, the plan and the seats. The page that
 * opens it checks the tenant against the request's, so a session made for acme does nothing on
 * globex, and a hand-edited plan or seat count fails the signature.
 */
const TTL_MS = 60 * 60 * 1000;

const sessionSchema = z.object({
  kind: z.enum(['checkout', 'portal']),
  tenantId: z.string().min(1),
  plan: z.enum(PAID_PLAN_IDS).optional(),
  seats: z.number().int().min(1).optional(),
  exp: z.number().int(),
});
export type LocalSession = z.infer<typeof sessionSchema>;

function mac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(`tenantry-local-billing:${body}`).digest('base64url');
}

export function signLocalSession(session: Omit<LocalSession, 'exp'>, now = new Date()): string {
  const secret = webhookSecret();
  if (!secret) throw new Error('STRIPE_WEBHOOK_SECRET is not set; the local provider cannot sign sessions.');
  const body = Buffer.from(JSON.stringify({ ...session, exp: now.getTime() + TTL_MS })).toString('base64url');
  return `${body}.${mac(body, secret)}`;
}

export function readLocalSession(token: unknown, tenantId: string, now = new Date()): LocalSession | null {
  const secret = webhookSecret();
  if (!secret || typeof token !== 'string' || token.length > 2048) return null;
  const [body, given, extra] = token.split('.');
  if (!body || !given || extra !== undefined) return null;
  const expected = Buffer.from(mac(body, secret));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  try {
    const parsed = sessionSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    if (!parsed.success || parsed.data.tenantId !== tenantId || parsed.data.exp < now.getTime()) return null;
    return parsed.data;
  } catch {
    return null;
  }
}
