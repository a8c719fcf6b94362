import { normalizeSlug } from '@/lib/tenants/slug';
import type { TenantResolver } from '@/lib/tenants/types';
import { makeResolver, matched, NO_MATCH } from './outcome';

/**
 * Session resolver. Signed in (verified claims present): the claim `jwtClaim` of the VERIFIED
 * Auth.js token (`input.claims`, filled by the middleware after verification), then the user's
 * default-tenant claim — the cookie `key` is not read, so a stale cookie (another user's, or a
 * tenant this user left) can neither outrank the verified claim nor trap a non-member on a 404
 * (issue 10, finding 7). Signed out: the cookie, which only titles the sign-in page.
 * Invariant: this file never decodes a token itself — a cookie holding a JWT is just a value
 * that is not a slug, and is skipped. Empty or invalid values are skipped.
 * Tests: lib/tenants/resolvers/session.test.ts.
 */
export type SessionOptions = { key?: string; jwtClaim?: string; defaultClaim?: string };

/** The claim holding the user's default tenant, set by the Auth.js callbacks (lib/auth). */
export const DEFAULT_TENANT_CLAIM = 'default_tenant';

const MAX_VALUE_LENGTH = 256;

function slugOf(record: Record<string, unknown> | undefined, key: string): string | null {
  if (!record || !Object.hasOwn(record, key)) return null;
  const value = record[key];
  if (typeof value !== 'string' || value.length > MAX_VALUE_LENGTH) return null;
  return normalizeSlug(value);
}

export function sessionResolver(options: SessionOptions = {}): TenantResolver {
  const key = options.key ?? 'tenant_id';
  const jwtClaim = options.jwtClaim ?? 'tenant_id';
  const defaultClaim = options.defaultClaim ?? DEFAULT_TENANT_CLAIM;

  return makeResolver('session', (input) => {
    const slug = input.claims
      ? (slugOf(input.claims, jwtClaim) ?? slugOf(input.claims, defaultClaim))
      : slugOf(input.cookies, key);
    return slug ? matched(slug, 'session') : NO_MATCH;
  });
}
