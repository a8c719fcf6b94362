/**
 * Database settings from the environment.
 *
 * - DATABASE_URL: the owner role; runs migrations and backs the `withoutTenant` admin escape.
 * - DATABASE_APP_URL: the non-owner `tenantry_app` role the app uses when RLS is on. If unset, it is
 *   DATABASE_URL with the user swapped to `tenantry_app` (no password: local trust auth only).
 * - DB_RLS=on|off: on is the production default; development and tests default to off (the extension
 *   alone) so an embedded or password-only local database works out of the box. The isolation
 *   matrix runs every mode explicitly. See docs/data-isolation.md.
 */
export type DbConfig = { url: string; appUrl: string; rls: boolean; poolSize: number };

export const APP_ROLE = 'tenantry_app';

export function deriveAppUrl(url: string): string {
  const u = new URL(url);
  u.username = APP_ROLE;
  u.password = '';
  return u.toString();
}

function parseRls(value: string | undefined, nodeEnv: string | undefined): boolean {
  if (value === undefined || value === '') return nodeEnv === 'production';
  const v = value.toLowerCase();
  if (v === 'on' || v === 'true' || v === '1') return true;
  if (v === 'off' || v === 'false' || v === '0') return false;
  throw new Error(`DB_RLS must be "on" or "off", got "${value}"`);
}

export function readDbConfig(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const url = env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (scripts/dev.mjs starts an embedded database and sets it)');
  const poolSize = Number(env.DATABASE_POOL_SIZE ?? 10);
  if (!Number.isInteger(poolSize) || poolSize < 1) throw new Error('DATABASE_POOL_SIZE must be a positive integer');
  return {
    url,
    appUrl: env.DATABASE_APP_URL || deriveAppUrl(url),
    rls: parseRls(env.DB_RLS, env.NODE_ENV),
    poolSize,
  };
}
