export interface StateKeyOptions {
  /** Groups keys (`drafts`, `rate-limit`, …). Default `default`. */
  namespace?: string;
}

export interface StateSetOptions extends StateKeyOptions {
  /** Expire the value after this many seconds (fractions allowed). No TTL → kept until deleted. */
  ttlSeconds?: number;
}

/**
 * Tenant-scoped key/value state. Values are JSON; keys live at
 * `<prefix>:tenant:<tenantId>:<namespace>:<key>` (namespace and key percent-encoded, see key-parts.ts).
 */
export interface TenantStateStore {
  readonly tenantId: string;
  get<T = unknown>(key: string, options?: StateKeyOptions): Promise<T | null>;
  set(key: string, value: unknown, options?: StateSetOptions): Promise<void>;
  /** Returns true when a value was removed. */
  delete(key: string, options?: StateKeyOptions): Promise<boolean>;
  /** Live keys of one namespace (default `default`), decoded, sorted. */
  keys(namespace?: string): Promise<string[]>;
  /**
   * Removes every key under this tenant's root, in every namespace (and the presence keys that share
   * the root); returns how many were removed. The tenant purge (lib/lifecycle/purge.ts) calls it.
   */
  clearTenant(): Promise<number>;
}

export const DEFAULT_NAMESPACE = 'default';
