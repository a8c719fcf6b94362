// Public face of lib/presence (docs/architecture.md, "Public API").
export { getTenantPresenceBackend, type PresenceManagerOptions, TenantPresenceManager } from './manager';
export { type MemoryBackendOptions, TenantAwareMemoryBackend } from './memory-backend';
export { type RedisBackendOptions, TenantAwareRedisBackend } from './redis-backend';
export type { PresenceBackend, PresenceHealth, PresenceMeta, PresenceRecord } from './types';
export { DEFAULT_PRESENCE_TIMEOUT_MS } from './types';
