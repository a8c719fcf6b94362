import 'server-only';
import { randomUUID } from 'node:crypto';
import type { JWT } from 'next-auth/jwt';
import { getTenancyConfig } from '@/lib/tenants/config';
import { DEFAULT_TENANT_CLAIM } from '@/lib/tenants/resolvers/session';
import { normalizeSlug } from '@/lib/tenants/slug';
import { checkMembership, listUserTenants } from './membership';

/**
 * The tenant claims in the Auth.js token, written only here (by the jwt callback).
 *
 * Invariant: `default_tenant` is one of the user's memberships at sign-in, and the active-tenant
 * claim (`session.jwtClaim`) is set only after a DATABASE membership check — a client calling
 * `update({ tenant: 'globex' })` for a tenant it does not belong to gets the claim removed, not
 * set. Every other field a client sends with `update()` is ignored.
 * Tests: tests/auth/tenant-claims.test.ts.
 */
export async function withSignInClaims(token: JWT, userId: string): Promise<JWT> {
  const [first] = await listUserTenants(userId);
  // The session id: one per sign-in, copied by handoffs, revoked by sign-out (lib/auth/revocation.ts).
  const next: JWT = { ...token, sid: typeof token.sid === 'string' ? token.sid : randomUUID() };
  if (first) next[DEFAULT_TENANT_CLAIM] = first.slug;
  else delete next[DEFAULT_TENANT_CLAIM];
  return next;
}

export async function withSwitchedTenant(token: JWT, requested: unknown): Promise<JWT> {
  const claim = getTenancyConfig().session.jwtClaim;
  const next: JWT = { ...token };
  const slug = typeof requested === 'string' && requested.length <= 63 ? normalizeSlug(requested) : null;
  const check = slug && token.sub ? await checkMembership(token.sub, slug) : null;
  if (check?.status === 'ok') next[claim] = check.tenant.slug;
  else delete next[claim];
  return next;
}
