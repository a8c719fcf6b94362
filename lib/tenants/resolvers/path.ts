import { toSlug } from '@/lib/tenants/slug';
import type { TenantResolver } from '@/lib/tenants/types';
import { makeResolver, matched, NO_MATCH } from './outcome';

/**
 * Path resolver: `/acme/dashboard` → `acme` (position 1).
 * Invariant: the segment is percent-decoded once, safely, and must then BE a slug: `..`, `%2F`, an
 * encoded newline, a malformed escape or an excluded word (compared case-insensitively, after
 * decoding) is never a tenant. Tests: lib/tenants/resolvers/path.test.ts.
 */
export type PathOptions = { position?: number; exclude?: readonly string[] };

const MAX_PATH_LENGTH = 8192;

export function pathResolver(options: PathOptions = {}): TenantResolver {
  const position = options.position ?? 1;
  if (!Number.isInteger(position) || position < 1)
    throw new RangeError('pathResolver: position must be an integer ≥ 1');
  const exclude = new Set((options.exclude ?? []).map((segment) => segment.trim().toLowerCase()));

  return makeResolver('path', (input) => {
    const { pathname } = input;
    if (typeof pathname !== 'string' || pathname.length > MAX_PATH_LENGTH) return NO_MATCH;
    const rest = pathname.startsWith('/') ? pathname.slice(1) : pathname;
    const segment = rest.split('/', position)[position - 1];
    if (!segment) return NO_MATCH;
    let decoded = segment;
    if (segment.includes('%')) {
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        return NO_MATCH;
      }
    }
    const lower = decoded.toLowerCase();
    if (exclude.has(lower)) return NO_MATCH;
    const slug = toSlug(lower);
    return slug ? matched(slug, 'path') : NO_MATCH;
  });
}
