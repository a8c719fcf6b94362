/**
 * The request's tenant, carried by AsyncLocalStorage so server actions and route handlers get a
 * scoped `db` without passing it around. No store = no tenant = tenant-owned queries throw.
 */
import { processStorage } from './process-storage';

export type TenantRef = string | { id: string };

type Store = { tenantId: string | undefined };

// Shared by every module copy (see process-storage.ts): without it, a server action's `withTenant`
// set a context the cached client never read, and it failed closed ("No tenant is set").
const tenantContext = processStorage<Store>('tenant-context');

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
