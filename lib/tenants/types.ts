import type { TenantInfo } from './tenant-info';

/** Everything a resolver may look at: plain data, so the same code runs in edge middleware and Node `proxy.ts`. */
export type ResolveInput = {
  /** The request's Host header as sent, e.g. `acme.example.com:3000` or `[::1]:3000`. */
  host: string;
  /** The URL path, still percent-encoded, e.g. `/acme/dashboard`. */
  pathname: string;
  /** The ORIGINAL request headers (the header resolver reads a client-sent header). */
  headers: Headers;
  cookies: Record<string, string>;
  /** Claims of the Auth.js token, filled by the middleware only after it VERIFIED the token. */
  claims?: Record<string, unknown>;
};

export const RESOLVER_NAMES = ['subdomain', 'path', 'header', 'session', 'custom'] as const;
export type ResolverName = (typeof RESOLVER_NAMES)[number];

export type TenantVia = ResolverName | 'default';

export type TenantMatch = { slug: string; via: TenantVia };

/**
 * What a resolver found. `failed` tells "nothing matched" apart from "a resolver broke" (a custom
 * resolver threw), because the default tenant must not be applied after an error.
 */
export type ResolveOutcome = { match: TenantMatch; failed: boolean } | { match: null; failed: boolean };

export type TenantResolver = {
  readonly name: string;
  resolve(input: ResolveInput): Promise<TenantMatch | null>;
  /** Like `resolve`, but also reports a failure. Optional so a hand-written `{ name, resolve }` can join a chain. */
  inspect?(input: ResolveInput): Promise<ResolveOutcome>;
};

export type ChainedTenantResolver = TenantResolver & { readonly resolvers: readonly TenantResolver[] };

/** What a custom resolver may hand back: a TenantInfo, anything with a `slug`, a slug string, or nothing. */
export type TenantRef = TenantInfo | { slug: string };

export type CustomResolverFn = (
  input: ResolveInput,
) => TenantRef | string | null | undefined | Promise<TenantRef | string | null | undefined>;
