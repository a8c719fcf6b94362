/**
 * lib/db — the only way the app touches the database.
 *
 * 1. `db`: inside `withTenant(tenant, fn)` every tenant-owned query is scoped to that tenant;
 *    outside one, touching a tenant-owned model throws (fails closed).
 * 2. `forTenant(tenant)`: an explicitly scoped client, same rules.
 * 3. `withoutTenant(client => …)`: the one admin escape — an unscoped client on the owner
 *    connection. Grep for it in review.
 * 4. `scoped(tenant)`: getTenantQueryset / createForTenant / getTenantObject.
 * 5. `allowRawSql(() => db.$queryRaw…)`: raw SQL on a tenant client (refused otherwise).
 * Both walls (the Prisma extension and Postgres RLS) are explained in docs/data-isolation.md.
 */
// No `import 'server-only'`: scripts (seed, jobs) run this under plain Node, where that package
// throws. A client bundle cannot include it anyway (pg, node:async_hooks).
import { releaseSingleton, singleton } from '@/lib/singleton';
import { createTenantDb, type ScopedClient, type TenantDb } from './clients';
import { readDbConfig } from './config';
import { type TenantRef, tenantIdOf, withNoTenant } from './context';
import type { PrismaClient } from './generated/client';
import { makeScoped, type ScopedHelpers } from './scoped';
import type { ModelGraph } from './tenant-models';

export type { ScopedClient, TenantDb } from './clients';
export { createTenantDb } from './clients';
export { type DbConfig, readDbConfig } from './config';
export { currentTenantId, type TenantRef, withTenant } from './context';
export { TenantObjectNotFoundError, TenantScopeError, type TenantScopeErrorCode } from './errors';
export type { ScopedHelpers, TenantCreateData, TenantModelName, TenantRow } from './scoped';
export { allowRawSql } from './tenant-extension';

// One pool per process, not per copy of this module (lib/singleton.ts says why).
const DB_KEY = 'lib-db';

function instance(): TenantDb {
  return singleton(DB_KEY, () => createTenantDb(readDbConfig()));
}

/** The app's client. Scoped by the surrounding `withTenant`; throws for tenant-owned models outside one. */
export const db: ScopedClient = new Proxy({} as ScopedClient, {
  get(_target, prop) {
    const client = instance().db as unknown as Record<PropertyKey, unknown>;
    const value = client[prop];
    return typeof value === 'function' ? value.bind(client) : value;
  },
});

/** A client scoped to `tenant` (a TenantInfo-like `{ id }` or an id). */
export function forTenant(tenant: TenantRef): ScopedClient {
  const tenantId = tenantIdOf(tenant);
  if (!tenantId) throw new TypeError('forTenant needs a tenant');
  return instance().forTenant(tenantId);
}

/**
 * ADMIN ESCAPE. Runs `fn` with the unscoped owner client. Inside it, `db` has no tenant (fails closed),
 * so only the client handed to `fn` can cross tenants.
 */
export function withoutTenant<T>(fn: (client: PrismaClient) => Promise<T> | T): Promise<T> {
  return withNoTenant(() => fn(instance().admin));
}

/** The scoped helpers for `tenant` (null/undefined: no tenant, helpers return nothing). */
export function scoped(tenant: TenantRef | null | undefined): ScopedHelpers {
  return makeScoped((id) => instance().forTenant(id), tenant);
}

/**
 * The model graph the tenant extension scopes by (lib/db/tenant-models.ts): the lifecycle's export
 * and purge read the same one, so a model is exported and purged exactly when it is scoped.
 */
export function tenantModelGraph(): ModelGraph {
  return instance().graph;
}

/** The schema version the database is at: the newest applied migration's name. */
export async function schemaVersion(): Promise<string> {
  const rows = await withoutTenant(
    (client) =>
      client.$queryRaw<{ name: string }[]>`
      SELECT "migration_name" AS "name" FROM "_prisma_migrations"
      WHERE "finished_at" IS NOT NULL ORDER BY "migration_name" DESC LIMIT 1`,
  );
  return rows[0]?.name ?? 'unknown';
}

/** Closes the pools (scripts and tests). */
export async function disconnectDb(): Promise<void> {
  await releaseSingleton<TenantDb>(DB_KEY)?.disconnect();
}
