import type { ResolveInput, ResolveOutcome, TenantResolver, TenantVia } from '@/lib/tenants/types';

export const NO_MATCH: ResolveOutcome = Object.freeze({ match: null, failed: false });
export const FAILED: ResolveOutcome = Object.freeze({ match: null, failed: true });

export function matched(slug: string, via: TenantVia): ResolveOutcome {
  return { match: { slug, via }, failed: false };
}

/** A resolver from its `inspect` function; `resolve` drops the failure flag. */
export function makeResolver(
  name: string,
  inspect: (input: ResolveInput) => ResolveOutcome | Promise<ResolveOutcome>,
): TenantResolver & { inspect(input: ResolveInput): Promise<ResolveOutcome> } {
  return {
    name,
    async inspect(input) {
      return inspect(input);
    },
    async resolve(input) {
      return (await inspect(input)).match;
    },
  };
}

/** One line, no stack: a resolver failure is logged, never shown to the client. */
export function logResolverError(name: string, what: string, error?: unknown): void {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : error === undefined ? '' : String(error);
  const line = `[tenantry] ${name} tenant resolver ${what}${detail ? `: ${detail}` : ''}`.replace(/\s+/g, ' ');
  console.error(line.length > 300 ? `${line.slice(0, 297)}...` : line);
}

/** Run any resolver, also a hand-written one without `inspect`; a throw counts as a failure. */
export async function inspectWith(resolver: TenantResolver, input: ResolveInput): Promise<ResolveOutcome> {
  try {
    if (resolver.inspect) return await resolver.inspect(input);
    const match = await resolver.resolve(input);
    return match ? { match, failed: false } : NO_MATCH;
  } catch (error) {
    logResolverError(resolver.name, 'threw', error);
    return FAILED;
  }
}
