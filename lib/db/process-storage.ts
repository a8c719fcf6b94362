import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * An AsyncLocalStorage shared by every copy of a module in this process. Next bundles server code
 * into several layers (pages, server actions, route handlers), each with its own copy of lib/db,
 * while the clients are cached on globalThis: a per-module storage would let one copy set a
 * context (a tenant, an allowRawSql grant) that the cached client, built by another copy, never
 * reads. Keyed by a global symbol, so all copies agree.
 */
export function processStorage<T>(name: string): AsyncLocalStorage<T> {
  const slot = Symbol.for(`tenantry.${name}`);
  const holder = globalThis as { [key: symbol]: AsyncLocalStorage<T> | undefined };
  holder[slot] ??= new AsyncLocalStorage<T>();
  return holder[slot];
}
