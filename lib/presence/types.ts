/** Metadata stored with a presence record (JSON-serialisable). */
export type PresenceMeta = Record<string, unknown>;

/** One user present under one key of one tenant. `joinedAt` is epoch milliseconds. */
export interface PresenceRecord {
  id: string;
  tenantId: string;
  joinedAt: number;
  meta: PresenceMeta;
}

export interface PresenceHealth {
  status: 'ok' | 'degraded';
  backend: 'memory' | 'redis';
  tenantId: string;
  presenceCount: number;
  error?: string;
}

/**
 * One tenant's view of presence. Every method is scoped to the tenant the backend was built for;
 * none of them takes a tenant argument, so none can be pointed at another tenant.
 */
export interface PresenceBackend {
  readonly tenantId: string;
  readonly timeoutMs: number;
  /** Adds (or refreshes) `userId` under `key`. A re-join keeps the first `joinedAt` and replaces `meta`. */
  join(key: string, userId: string, meta?: PresenceMeta): Promise<PresenceRecord>;
  /** Removes `userId` from `key`; returns the removed record, or null if it was not there. */
  leave(key: string, userId: string): Promise<PresenceRecord | null>;
  /** Live records under `key` (stale ones are dropped first), oldest join first. */
  list(key: string): Promise<PresenceRecord[]>;
  /** Number of live records under `key` (stale ones are dropped first). */
  count(key: string): Promise<number>;
  /** Marks `userId` alive under `key`. Returns false when the user is not joined (nothing is created). */
  heartbeat(key: string, userId: string): Promise<boolean>;
  /**
   * Removes stale records under `key`, and returns every record pruned since the last sweep — by this
   * call or by a list/count/heartbeat/cleanupStale in between — exactly once (the realtime server
   * announces them as leaves). A user who re-joins before the sweep is not returned.
   */
  sweep(key: string): Promise<PresenceRecord[]>;
  /** Removes stale records under every key of the tenant; returns how many were removed now. */
  cleanupStale(): Promise<number>;
  /** Removes all presence of this tenant (and of no other). */
  clearTenant(): Promise<void>;
  /** Never throws: a backend that cannot reach its store reports `degraded`. */
  healthCheck(): Promise<PresenceHealth>;
}

export const DEFAULT_PRESENCE_TIMEOUT_MS = 30_000;
