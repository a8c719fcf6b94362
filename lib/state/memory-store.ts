import { singleton } from '@/lib/singleton';
import { assertTenantId, DEFAULT_KEY_PREFIX, decodeKeyPart, tenantRoot } from './key-parts';
import { namespaceRoot, serialise, stateKey, ttlMs } from './state-keys';
import type { StateKeyOptions, StateSetOptions, TenantStateStore } from './types';

interface Entry {
  json: string;
  expiresAt: number | null;
}

// Process-wide (one map per process, shared by every instance and every copy of this module); keys
// carry the same full `<prefix>:tenant:<id>:…` names as in Redis, so isolation works the same way.
const store = singleton('state.memory', () => new Map<string, Entry>());

export interface MemoryStateOptions {
  tenantId: string;
  keyPrefix?: string;
  now?: () => number;
}

export class TenantMemoryStateStore implements TenantStateStore {
  readonly tenantId: string;
  private readonly prefix: string;
  private readonly now: () => number;

  constructor(options: MemoryStateOptions) {
    assertTenantId(options.tenantId);
    this.tenantId = options.tenantId;
    this.prefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
    this.now = options.now ?? Date.now;
  }

  async get<T = unknown>(key: string, options?: StateKeyOptions): Promise<T | null> {
    const entry = this.live(stateKey(this.prefix, this.tenantId, key, options?.namespace));
    return entry ? (JSON.parse(entry.json) as T) : null;
  }

  async set(key: string, value: unknown, options?: StateSetOptions): Promise<void> {
    const full = stateKey(this.prefix, this.tenantId, key, options?.namespace);
    const ttl = ttlMs(options?.ttlSeconds);
    store.set(full, { json: serialise(value), expiresAt: ttl === undefined ? null : this.now() + ttl });
  }

  async delete(key: string, options?: StateKeyOptions): Promise<boolean> {
    const full = stateKey(this.prefix, this.tenantId, key, options?.namespace);
    const existed = this.live(full) !== undefined;
    store.delete(full);
    return existed;
  }

  async keys(namespace?: string): Promise<string[]> {
    const root = namespaceRoot(this.prefix, this.tenantId, namespace);
    const found: string[] = [];
    for (const full of [...store.keys()]) {
      if (full.startsWith(root) && this.live(full)) found.push(decodeKeyPart(full.slice(root.length)));
    }
    return found.sort();
  }

  async clearTenant(): Promise<number> {
    const root = `${tenantRoot(this.prefix, this.tenantId)}:`;
    let removed = 0;
    for (const full of [...store.keys()]) {
      if (full.startsWith(root)) removed += store.delete(full) ? 1 : 0;
    }
    return removed;
  }

  private live(full: string): Entry | undefined {
    const entry = store.get(full);
    if (entry?.expiresAt != null && entry.expiresAt <= this.now()) {
      store.delete(full);
      return undefined;
    }
    return entry;
  }
}
