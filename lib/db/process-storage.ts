import { AsyncLocalStorage } from 'node:async_hooks';
import { singleton } from '@/lib/singleton';

/**
 * An AsyncLocalStorage shared by every copy of a module in this process. Next bundles server code
 * into several layers (pages, server actions, route handlers), each with its own copy of lib/db,
 * while the clients are one per process (lib/singleton.ts): a per-module storage would let one
 * copy set a context (a tenant, an allowRawSql grant) that the cached client, built by another
 * copy, never reads. One storage per process too, so all copies agree.
 */
export function processStorage<T>(name: string): AsyncLocalStorage<T> {
  return singleton(name, () => new AsyncLocalStorage<T>());
}
