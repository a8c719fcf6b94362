import { normalizeSlug } from '@/lib/tenants/slug';
import { TenantInfo } from '@/lib/tenants/tenant-info';
import type { CustomResolverFn, TenantResolver } from '@/lib/tenants/types';
import { FAILED, logResolverError, makeResolver, matched, NO_MATCH } from './outcome';

/**
 * Custom resolver: runs the function from tenancy.config.ts. It may return a TenantInfo (its slug
 * is used), `{ slug }`, a slug string, or null/undefined, sync or async.
 * Invariant: if it throws (or returns something else), the error is logged in one line and the
 * outcome is `failed`, so `resolveTenant` does NOT fall back to the default tenant.
 * Tests: lib/tenants/resolvers/custom.test.ts.
 */
export function customResolver(fn: CustomResolverFn): TenantResolver {
  if (typeof fn !== 'function') throw new TypeError('customResolver needs a function');

  return makeResolver('custom', async (input) => {
    let result: unknown;
    try {
      result = await fn(input);
    } catch (error) {
      logResolverError('custom', 'threw', error);
      return FAILED;
    }
    if (result === null || result === undefined) return NO_MATCH;
    let value: unknown = result;
    if (result instanceof TenantInfo) value = result.slug;
    else if (typeof result === 'object' && typeof (result as { slug?: unknown }).slug === 'string') {
      value = (result as { slug: string }).slug;
    }
    if (typeof value !== 'string') {
      logResolverError('custom', `returned an unsupported value (${typeof result})`);
      return FAILED;
    }
    const slug = normalizeSlug(value);
    return slug ? matched(slug, 'custom') : NO_MATCH;
  });
}
