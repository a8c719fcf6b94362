import type { ChainedTenantResolver, ResolveOutcome, TenantResolver } from '@/lib/tenants/types';
import { inspectWith, makeResolver } from './outcome';

/**
 * Chained resolver: tries each resolver in order; the first match wins and the resolvers after it
 * are not called. A failure (a custom resolver threw) does not stop the chain, but it is remembered
 * so that `resolveTenant` applies no default tenant when nothing else matched.
 * Tests: lib/tenants/resolvers/chained.test.ts.
 */
export function chainedResolver(resolvers: readonly TenantResolver[]): ChainedTenantResolver {
  if (resolvers.length === 0) throw new RangeError('chainedResolver needs at least one resolver');
  const list = Object.freeze([...resolvers]);
  const base = makeResolver('chained', async (input): Promise<ResolveOutcome> => {
    let failed = false;
    for (const resolver of list) {
      const outcome = await inspectWith(resolver, input);
      if (outcome.match) return { match: outcome.match, failed };
      failed ||= outcome.failed;
    }
    return { match: null, failed };
  });
  return { ...base, resolvers: list };
}
