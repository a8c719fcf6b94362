import { z } from 'zod';
import { type EnvKey, type EnvOverride, type EnvSource, processEnv, readEnvOverrides } from './config-env';
import { DEFAULT_PATH_EXCLUDE, DEFAULT_SUBDOMAIN_EXCLUDE } from './reserved-words';
import { SLUG_PATTERN } from './slug';
import { type CustomResolverFn, RESOLVER_NAMES, type ResolverName } from './types';

/**
 * `defineTenancy`: the tenancy config, merged (defaults < tenancy.config.ts < environment) and
 * validated once. Invariant: a bad value stops startup with a `TenancyConfigError` naming the key
 * (and the env variable it came from); nothing ever falls back silently to another resolver.
 * Edge-safe: no Node built-ins. Tests: lib/tenants/config.test.ts.
 */

// The edge runtime forbids `new Function`; zod's JIT probe for it would log a
// DynamicCodeEvaluationWarning on every cold start. `EdgeRuntime` is the global Next defines there.
declare const EdgeRuntime: string | undefined;
if (typeof EdgeRuntime === 'string') z.config({ jitless: true });

export type Backend = 'memory' | 'redis';

/** What `tenancy.config.ts` may pass. Lists may be arrays or comma-separated strings. */
export type TenancyInput = {
  resolver?: ResolverName | readonly ResolverName[] | string;
  /** Accepted so a spread copy of a TenancyConfig can be passed back in; `resolver` wins. */
  resolvers?: readonly ResolverName[];
  required?: boolean;
  defaultTenant?: string | null;
  contextName?: string;
  subdomain?: { exclude?: readonly string[] | string; mainDomain?: string | null };
  path?: { position?: number; exclude?: readonly string[] | string };
  header?: { name?: string };
  session?: { key?: string; jwtClaim?: string };
  custom?: CustomResolverFn | null;
  presence?: { backend?: Backend; redisUrl?: string | null };
  state?: { backend?: Backend; redisUrl?: string | null };
};

/** The full, validated config. `resolvers` is the parsed chain (one name = a chain of one). */
export type TenancyConfig = {
  /** Canonical form of the input: lower-case names joined by commas, e.g. `header,subdomain`. */
  readonly resolver: string;
  readonly resolvers: readonly ResolverName[];
  readonly required: boolean;
  readonly defaultTenant: string | null;
  readonly contextName: string;
  readonly subdomain: { readonly exclude: readonly string[]; readonly mainDomain: string | null };
  readonly path: { readonly position: number; readonly exclude: readonly string[] };
  readonly header: { readonly name: string };
  readonly session: { readonly key: string; readonly jwtClaim: string };
  readonly custom: CustomResolverFn | null;
  readonly presence: { readonly backend: Backend; readonly redisUrl: string | null };
  readonly state: { readonly backend: Backend; readonly redisUrl: string | null };
};

export const TENANCY_DEFAULTS = {
  resolver: ['subdomain'],
  required: true,
  defaultTenant: null,
  contextName: 'tenant',
  subdomain: { exclude: DEFAULT_SUBDOMAIN_EXCLUDE, mainDomain: null },
  path: { position: 1, exclude: DEFAULT_PATH_EXCLUDE },
  header: { name: 'X-Tenant-ID' },
  session: { key: 'tenant_id', jwtClaim: 'tenant_id' },
} as const;

export class TenancyConfigError extends Error {
  readonly key: string;
  readonly envVar: string | undefined;
  constructor(key: string, expectation: string, got: string | undefined, envVar?: string) {
    const where = envVar ? `${key} (from env ${envVar})` : key;
    super(`Invalid tenancy config: ${where} ${expectation}${got === undefined ? '' : `, got ${got}`}.`);
    this.name = 'TenancyConfigError';
    this.key = key;
    this.envVar = envVar;
  }
}

// ---- value schema (runs on the merged object; strings from env are coerced here) ----

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/; // RFC 9110 token: header and cookie names
const HOSTNAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const splitList = (v: unknown): unknown => {
  const items = typeof v === 'string' ? v.split(',') : v;
  if (!Array.isArray(items) || !items.every((s) => typeof s === 'string')) return v;
  return [...new Set(items.map((s) => s.trim().toLowerCase()).filter((s) => s !== ''))];
};
const lowerTrim = (v: unknown): unknown => (typeof v === 'string' ? v.trim().toLowerCase() : v);
const toInt = (v: unknown): unknown => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v);
const toBool = (v: unknown): unknown => {
  if (typeof v !== 'string') return v;
  const s = v.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(s)) return true;
  if (['false', '0', 'no', 'off'].includes(s)) return false;
  return v;
};
const toDomain = (v: unknown): unknown => {
  if (typeof v !== 'string') return v;
  const s = v.trim().toLowerCase().replace(/^\.+/, '').replace(/\.$/, '');
  return s === '' ? null : s;
};
const isRedisUrl = (v: string): boolean => {
  try {
    const url = new URL(v);
    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
  } catch {
    return false;
  }
};

const backend = z.preprocess(lowerTrim, z.enum(['memory', 'redis']));
const redisUrl = z.string().refine(isRedisUrl).nullable();

const valueSchema = z.strictObject({
  resolver: z.preprocess(splitList, z.array(z.enum(RESOLVER_NAMES)).min(1)),
  required: z.preprocess(toBool, z.boolean()),
  defaultTenant: z.preprocess(lowerTrim, z.string().max(63).regex(SLUG_PATTERN).nullable()),
  contextName: z.string().regex(IDENTIFIER),
  subdomain: z.strictObject({
    exclude: z.preprocess(splitList, z.array(z.string())),
    mainDomain: z.preprocess(toDomain, z.string().max(253).regex(HOSTNAME).nullable()),
  }),
  path: z.strictObject({
    position: z.preprocess(toInt, z.int().min(1).max(64)),
    exclude: z.preprocess(splitList, z.array(z.string())),
  }),
  header: z.strictObject({ name: z.string().trim().regex(TOKEN) }),
  session: z.strictObject({ key: z.string().trim().regex(TOKEN), jwtClaim: z.string().trim().min(1).max(128) }),
  custom: z.custom<CustomResolverFn>((v) => typeof v === 'function').nullable(),
  presence: z.strictObject({ backend, redisUrl }),
  state: z.strictObject({ backend, redisUrl }),
});

const EXPECT: Record<string, string> = {
  resolver: `must be one of ${RESOLVER_NAMES.join(', ')}, or a comma list of them`,
  required: 'must be a boolean (true/false)',
  defaultTenant: 'must be a valid tenant slug (lower-case letters, digits, hyphens; 1-63 chars)',
  contextName: 'must be a JavaScript identifier',
  'subdomain.exclude': 'must be a list of labels',
  'subdomain.mainDomain': 'must be a host name such as example.com or localhost (no scheme, port or path)',
  'path.position': 'must be an integer from 1 to 64 (1 = first path segment)',
  'path.exclude': 'must be a list of path segments',
  'header.name': 'must be a valid HTTP header name',
  'session.key': 'must be a valid cookie name',
  'session.jwtClaim': 'must be a non-empty claim name',
  custom: 'must be a function (input) => TenantInfo | string | null',
  'presence.backend': 'must be "memory" or "redis"',
  'state.backend': 'must be "memory" or "redis"',
  'presence.redisUrl': 'must be a redis:// or rediss:// URL',
  'state.redisUrl': 'must be a redis:// or rediss:// URL',
};

const SECRET_KEYS = new Set(['presence.redisUrl', 'state.redisUrl']);

function show(key: string, value: unknown): string {
  if (SECRET_KEYS.has(key)) return '(value hidden: it may hold a password)';
  if (typeof value === 'function') return 'a function';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function keyOf(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const p of path) {
    if (typeof p !== 'string') break;
    parts.push(p);
  }
  return parts.join('.');
}

function valueAt(obj: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

type Env = Map<EnvKey, EnvOverride>;

function fail(issue: z.core.$ZodIssue, raw: unknown, env: Env): never {
  if (issue.code === 'unrecognized_keys') {
    const key = [keyOf(issue.path), issue.keys[0]].filter(Boolean).join('.');
    throw new TenancyConfigError(key, 'is not a tenancy config key', undefined);
  }
  const key = keyOf(issue.path);
  const envVar = env.get(key as EnvKey)?.envVar;
  throw new TenancyConfigError(key, EXPECT[key] ?? issue.message, show(key, valueAt(raw, key)), envVar);
}

const inputShape = z
  .strictObject({
    resolver: z.unknown(),
    resolvers: z.unknown(), // derived in the output; tolerated so a spread config can be passed back in
    required: z.unknown(),
    defaultTenant: z.unknown(),
    contextName: z.unknown(),
    subdomain: z.strictObject({ exclude: z.unknown(), mainDomain: z.unknown() }).partial().optional(),
    path: z.strictObject({ position: z.unknown(), exclude: z.unknown() }).partial().optional(),
    header: z.strictObject({ name: z.unknown() }).partial().optional(),
    session: z.strictObject({ key: z.unknown(), jwtClaim: z.unknown() }).partial().optional(),
    custom: z.unknown(),
    presence: z.strictObject({ backend: z.unknown(), redisUrl: z.unknown() }).partial().optional(),
    state: z.strictObject({ backend: z.unknown(), redisUrl: z.unknown() }).partial().optional(),
  })
  .partial();

const BRAND = Symbol.for('tenantry.tenancy-config');

/** True for an object returned by `defineTenancy` (not for a spread copy of one). */
export function isTenancyConfig(value: unknown): value is TenancyConfig {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

export type DefineTenancyOptions = {
  /** Where overrides are read from: defaults to this process's environment (lib/env); pass `{}` (or `false`) for none. */
  env?: EnvSource | false;
};

/** Merge defaults < `input` < environment, validate, and freeze. Throws `TenancyConfigError`. */
export function defineTenancy(input: TenancyInput = {}, options: DefineTenancyOptions = {}): TenancyConfig {
  const shape = inputShape.safeParse(input ?? {});
  if (!shape.success) fail(shape.error.issues[0]!, input, new Map());
  const file = shape.data as TenancyInput;
  const env = readEnvOverrides(options.env === false ? {} : (options.env ?? processEnv()));
  const e = (key: EnvKey): string | undefined => env.get(key)?.value;
  const d = TENANCY_DEFAULTS;

  const presenceUrl = e('presence.redisUrl') ?? file.presence?.redisUrl ?? null;
  const presenceBackend = e('presence.backend') ?? file.presence?.backend ?? (presenceUrl ? 'redis' : 'memory');
  const merged = {
    resolver: e('resolver') ?? file.resolver ?? file.resolvers ?? d.resolver,
    required: e('required') ?? file.required ?? d.required,
    defaultTenant: e('defaultTenant') ?? file.defaultTenant ?? d.defaultTenant,
    contextName: e('contextName') ?? file.contextName ?? d.contextName,
    subdomain: {
      exclude: e('subdomain.exclude') ?? file.subdomain?.exclude ?? d.subdomain.exclude,
      mainDomain: e('subdomain.mainDomain') ?? file.subdomain?.mainDomain ?? d.subdomain.mainDomain,
    },
    path: {
      position: e('path.position') ?? file.path?.position ?? d.path.position,
      exclude: e('path.exclude') ?? file.path?.exclude ?? d.path.exclude,
    },
    header: { name: e('header.name') ?? file.header?.name ?? d.header.name },
    session: {
      key: e('session.key') ?? file.session?.key ?? d.session.key,
      jwtClaim: e('session.jwtClaim') ?? file.session?.jwtClaim ?? d.session.jwtClaim,
    },
    custom: file.custom ?? null,
    presence: { backend: presenceBackend, redisUrl: presenceUrl },
    // State mirrors presence unless configured on its own.
    state: {
      backend: e('state.backend') ?? file.state?.backend ?? presenceBackend,
      redisUrl: e('state.redisUrl') ?? file.state?.redisUrl ?? presenceUrl,
    },
  };

  const parsed = valueSchema.safeParse(merged);
  if (!parsed.success) fail(parsed.error.issues[0]!, merged, env);
  const config = parsed.data;

  if (config.resolver.includes('custom') && !config.custom) {
    const from = env.has('resolver') ? ` (resolver from env ${env.get('resolver')?.envVar})` : '';
    throw new TenancyConfigError('custom', `must be a function when resolver includes "custom"${from}`, 'none');
  }
  for (const part of ['presence', 'state'] as const) {
    if (config[part].backend === 'redis' && !config[part].redisUrl) {
      const backendEnv = env.get(`${part}.backend`)?.envVar;
      const from = backendEnv ? ` (backend from env ${backendEnv})` : '';
      const hint = `set ${part.toUpperCase()}_REDIS_URL or REDIS_URL`;
      throw new TenancyConfigError(
        `${part}.redisUrl`,
        `is required when ${part}.backend is "redis"${from}; ${hint}`,
        undefined,
      );
    }
  }

  const resolvers = config.resolver as ResolverName[];
  const result = { ...config, resolver: resolvers.join(','), resolvers };
  Object.defineProperty(result, BRAND, { value: true, enumerable: false });
  return deepFreeze(result);
}

function deepFreeze<T extends object>(obj: T): T {
  for (const value of Object.values(obj)) {
    if (value && typeof value === 'object' && !Object.isFrozen(value)) deepFreeze(value);
  }
  return Object.freeze(obj);
}
