import 'server-only';
/**
 * Who the request acts as when an operator impersonates: the impersonated member, carrying the
 * operator as `impersonator`, or null (then the session's own user applies).
 *
 * Invariant: all of these must hold, checked now on every request — the impersonation cookie's token
 * names a live (not ended, not expired) impersonation row of THIS session's user; that user is still
 * an operator; and the request's tenant is the impersonation's tenant. Anywhere else the operator is
 * themselves. `tenantAction` refuses writes unless `write` was granted, and audits under both
 * identities (lib/actions/run-tenant-action.ts). Tests: tests/platform/impersonation.test.ts.
 */
import { cookies } from 'next/headers';
import { findActiveImpersonation, IMPERSONATION_COOKIE } from '@/lib/platform/impersonation';
import { findOperator } from '@/lib/platform/operators';
import { getTenant } from '@/lib/tenants/server';
import { findSessionUser } from './membership';
import type { Impersonator, SessionUser } from './session-user';

export async function resolveImpersonation(
  sessionUserId: string,
  token: string | null,
  tenantId: string | null,
  now = new Date(),
): Promise<SessionUser | null> {
  if (!token || !tenantId) return null;
  const active = await findActiveImpersonation(token, sessionUserId, now);
  if (!active || active.targetTenantId !== tenantId) return null;
  const operator = await findOperator(sessionUserId);
  if (!operator) return null;
  const user = await findSessionUser(active.userId);
  if (!user) return null;
  const impersonator: Impersonator = {
    id: operator.id,
    email: operator.email,
    impersonationId: active.id,
    write: active.write,
    expiresAt: active.expiresAt,
  };
  return { ...user, impersonator };
}

/** The request's impersonated user, if the cookie is present and everything checks out. */
export async function impersonatedUser(sessionUserId: string): Promise<SessionUser | null> {
  const token = (await cookies()).get(IMPERSONATION_COOKIE)?.value ?? null;
  if (!token) return null;
  const tenant = await getTenant();
  return resolveImpersonation(sessionUserId, token, tenant?.id ?? null);
}
