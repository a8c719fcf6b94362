/**
 * Who is a platform operator: a user whose email is in PLATFORM_OPERATORS, or whose `platformRole`
 * is OPERATOR (set only by `npm run operator -- grant`, scripts/operator.ts — no request can set it).
 *
 * Invariant: the decision is made from the verified Auth.js session's user id and the user row read
 * now — never from anything the request names — and everyone else gets a 404 from every `/admin`
 * page, route and action, the same page as a path that does not exist.
 * Tests: tests/platform/operators.test.ts.
 */
import { env } from '@/lib/env';
import { withoutTenant } from '@/lib/db';

export type Operator = { id: string; email: string; name: string | null };

export function isOperatorEmail(email: string, configured: readonly string[] = env.PLATFORM_OPERATORS ?? []): boolean {
  const wanted = email.trim().toLowerCase();
  return configured.some((e) => e.trim().toLowerCase() === wanted);
}

/** The operator with this user id, or null when the user is none (or no longer exists). */
export async function findOperator(userId: string): Promise<Operator | null> {
  const user = await withoutTenant((c) =>
    c.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, platformRole: true } }),
  );
  if (!user) return null;
  if (user.platformRole !== 'OPERATOR' && !isOperatorEmail(user.email)) return null;
  return { id: user.id, email: user.email, name: user.name };
}
