/**
 * The request's tenant, carried by AsyncLocalStorage so server actions and route handlers get a
 * scoped `db` without passing it around. No store = no tenant = tenant-owned queries throw.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export type TenantRef = string | { id: string };

type Store = { tenantId: string | undefined };

// One instance per process, not per module copy: Next bundles server code into several layers
// (pages, server actions, route handlers), each with its own copy of this module, while `db` is
// cached on globalThis. A per-module AsyncLocalStorage would let an action's `withTenant` set a
// context that the cached client never reads (it failed closed: "No tenant is set").
const slot = Symbol.for('tenantry.tenant-context');
const holder = globalThis as { [slot]?: AsyncLocalStorage<Store> };
holder[slot] ??= new AsyncLocalStorage<Store>();
const tenantContext: AsyncLocalStorage<Store> = holder[slot];

export function tenantIdOf(tenant: TenantRef | null | undefined): string | undefined {
  if (tenant === null || tenant === undefined) return undefined;
  const id = typeof tenant === 'string' ? tenant : tenant.id;
  if (typeof id !== 'string' || id === '') throw new TypeError('A tenant id must be a non-empty string');
  return id;
}

/**
 * Runs `fn` with `db` scoped to `tenant`. Prisma queries are lazy (they start when awaited), so the
 * result is awaited inside the context: `await withTenant(t, () => db.item.findMany())` works.
 */
export function withTenant<T>(tenant: TenantRef, fn: () => T | PromiseLike<T>): Promise<T> {
  const tenantId = tenantIdOf(tenant);
  if (!tenantId) throw new TypeError('withTenant needs a tenant');
  return tenantContext.run({ tenantId }, async () => await fn());
}

/** Runs `fn` with no tenant: inside it `db` fails closed again (used by withoutTenant). */
export function withNoTenant<T>(fn: () => T | PromiseLike<T>): Promise<T> {
  return tenantContext.run({ tenantId: undefined }, async () => await fn());
}

export function currentTenantId(): string | undefined {
  return tenantContext.getStore()?.tenantId;
}
