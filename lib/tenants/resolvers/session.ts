import { normalizeSlug } from '@/lib/tenants/slug';
import type { TenantResolver } from '@/lib/tenants/types';
import { makeResolver, matched, NO_MATCH } from './outcome';

/**
 * Session resolver: the cookie `key`, then the claim `jwtClaim` of the VERIFIED Auth.js token
 * (`input.claims`, filled by the middleware after verification), then the user's default-tenant
 * claim. Invariant: this file never decodes a token itself — a cookie holding a JWT is just a value
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
    const slug = slugOf(input.cookies, key) ?? slugOf(input.claims, jwtClaim) ?? slugOf(input.claims, defaultClaim);
    return slug ? matched(slug, 'session') : NO_MATCH;
  });
}
