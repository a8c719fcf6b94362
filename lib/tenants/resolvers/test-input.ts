import type { ResolveInput } from '@/lib/tenants/types';

/** A ResolveInput for tests: an empty request on `localhost` unless overridden. */
export function resolveInput(
  over: Partial<Omit<ResolveInput, 'headers'>> & { headers?: HeadersInit } = {},
): ResolveInput {
  return {
    host: over.host ?? 'localhost:3000',
    pathname: over.pathname ?? '/',
    headers: new Headers(over.headers),
    cookies: over.cookies ?? {},
    claims: over.claims,
  };
}
