/**
 * Database settings from the environment.
 *
 * - DATABASE_URL: the owner role; runs migrations and backs the `withoutTenant` admin escape.
 * - DATABASE_APP_URL: the non-owner `tenantry_app` role the app uses when RLS is on. If unset, it is
 *   DATABASE_URL with the user swapped to `tenantry_app` (no password: local trust auth only).
 * - DB_LOG_STATEMENTS=on: every SQL statement to stdout (lib/db/statement-log.ts).
 * - DB_RLS=on|off: on is the production default; development and tests default to off (the extension
 *   alone) so an embedded or password-only local database works out of the box. The isolation
 *   matrix runs every mode explicitly. See docs/data-isolation.md.
 */
import { type EnvSource, env, envFrom } from '@/lib/env';

export type DbConfig = { url: string; appUrl: string; rls: boolean; poolSize: number; logStatements: boolean };

export const APP_ROLE = 'tenantry_app';

export function deriveAppUrl(url: string): string {
  const u = new URL(url);
  u.username = APP_ROLE;
  u.password = '';
  return u.toString();
}

/**
 * The database settings of `source` (default: this process's environment, lib/env). DB_RLS
 * defaults to on in production only; DATABASE_APP_URL to DATABASE_URL with the app role.
 */
export function readDbConfig(source?: EnvSource): DbConfig {
  const e = source ? envFrom(source) : env;
  const url = e.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (scripts/dev.mjs starts an embedded database and sets it)');
  return {
    url,
    appUrl: e.DATABASE_APP_URL ?? deriveAppUrl(url),
    rls: e.DB_RLS ?? e.NODE_ENV === 'production',
    poolSize: e.DATABASE_POOL_SIZE,
    logStatements: e.DB_LOG_STATEMENTS ?? false,
  };
}
