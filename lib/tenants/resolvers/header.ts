import { normalizeSlug } from '@/lib/tenants/slug';
import type { TenantResolver } from '@/lib/tenants/types';
import { makeResolver, matched, NO_MATCH } from './outcome';

/**
 * Header resolver: `X-Tenant-ID: acme` → `acme`.
 * Invariant: the header only SELECTS a tenant (membership decides access); its value, trimmed and
 * lower-cased, must be one slug — a repeated header (joined with commas) or anything else is nothing.
 * Tests: lib/tenants/resolvers/header.test.ts.
 */
export type HeaderOptions = { name?: string };

const MAX_VALUE_LENGTH = 256;

export function headerResolver(options: HeaderOptions = {}): TenantResolver {
  const name = options.name ?? 'X-Tenant-ID';
  // Fail at construction, not per request, on a name Headers would reject.
  new Headers().get(name);

  return makeResolver('header', (input) => {
    const value = input.headers.get(name);
    if (value === null || value.length > MAX_VALUE_LENGTH || value.includes(',')) return NO_MATCH;
    const slug = normalizeSlug(value);
    return slug ? matched(slug, 'header') : NO_MATCH;
  });
}
