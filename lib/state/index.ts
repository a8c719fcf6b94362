// Public face of lib/state (docs/architecture.md, "Public API").
export { DEFAULT_KEY_PREFIX, InvalidKeyError } from './key-parts';
export { type MemoryStateOptions, TenantMemoryStateStore } from './memory-store';
export { type RedisStateOptions, TenantRedisStateStore } from './redis-store';
export { getTenantStateStore, resetStateStores } from './stores';
export type { StateKeyOptions, StateSetOptions, TenantStateStore } from './types';
