/**
 * Environment overrides for the tenancy config (the table in docs/configuration.md). Values are copied raw; the zod
 * schema in define-tenancy.ts parses them, so a bad env value fails exactly like a bad file value,
 * and the error names the variable it came from.
 */
import { env } from '@/lib/env';

export type EnvSource = Readonly<Record<string, string | undefined>>;

/** This process's tenancy variables (lib/env), read now: tests and scripts set them before a config is built. */
export function processEnv(): EnvSource {
  const names: readonly TenancyEnvVar[] = [...Object.values(ENV_VARS), SHARED_REDIS_ENV];
  return Object.fromEntries(names.map((name) => [name, env[name]]));
}

/** Config key → the env variable that overrides it (redis URLs have a shared fallback, see below). */
export const ENV_VARS = {
  resolver: 'TENANT_RESOLVER',
  required: 'TENANT_REQUIRED',
  defaultTenant: 'TENANT_DEFAULT',
  contextName: 'TENANT_CONTEXT_NAME',
  'subdomain.exclude': 'TENANT_SUBDOMAIN_EXCLUDE',
  'subdomain.mainDomain': 'TENANT_MAIN_DOMAIN',
  'path.position': 'TENANT_PATH_POSITION',
  'path.exclude': 'TENANT_PATH_EXCLUDE',
  'header.name': 'TENANT_HEADER',
  'session.key': 'TENANT_SESSION_KEY',
  'session.jwtClaim': 'TENANT_JWT_CLAIM',
  'presence.backend': 'PRESENCE_BACKEND',
  'presence.redisUrl': 'PRESENCE_REDIS_URL',
  'state.backend': 'STATE_BACKEND',
  'state.redisUrl': 'STATE_REDIS_URL',
} as const;

export type EnvKey = keyof typeof ENV_VARS;
type TenancyEnvVar = (typeof ENV_VARS)[EnvKey] | typeof SHARED_REDIS_ENV;

/** Used by both redis URLs when their own variable is unset. */
export const SHARED_REDIS_ENV = 'REDIS_URL' as const;

export type EnvOverride = { value: string; envVar: string };

/** The overrides present in `env`. An empty or blank variable counts as unset (as `.env` files often leave them). */
export function readEnvOverrides(env: EnvSource): Map<EnvKey, EnvOverride> {
  const found = new Map<EnvKey, EnvOverride>();
  const pick = (name: string): string | undefined => {
    const value = env[name];
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  for (const [key, envVar] of Object.entries(ENV_VARS) as [EnvKey, string][]) {
    const value = pick(envVar);
    if (value !== undefined) found.set(key, { value, envVar });
  }
  const shared = pick(SHARED_REDIS_ENV);
  if (shared !== undefined) {
    for (const key of ['presence.redisUrl', 'state.redisUrl'] as const) {
      if (!found.has(key)) found.set(key, { value: shared, envVar: SHARED_REDIS_ENV });
    }
  }
  return found;
}
