import { assertTenantId, encodeKeyPart } from '../state/key-parts';
import { DEFAULT_PRESENCE_TIMEOUT_MS, type PresenceBackend, type PresenceHealth, type PresenceMeta, type PresenceRecord } from './types';

/**
 * In-process presence, the development default.
 *
 * Invariant: storage is nested maps tenant → key → user, so no pair of (key, user) can collide
 * (the original joined them as "<key>:<user>" strings, and one user's leave purged another's).
 * Proven by the "keeps heartbeats per (key, user) pair" test in presence-contract.test.ts.
 */

interface Entry {
  record: PresenceRecord;
  lastSeen: number;
}
type TenantRooms = Map<string, Map<string, Entry>>;

// Process-wide so every instance (and Next's hot reloads) share one view per tenant.
const STORE_SYMBOL = Symbol.for('tenantry.presence.memory');
const globalStore = globalThis as unknown as { [STORE_SYMBOL]?: Map<string, TenantRooms> };
globalStore[STORE_SYMBOL] ??= new Map();
const store: Map<string, TenantRooms> = globalStore[STORE_SYMBOL];

export interface MemoryBackendOptions {
  tenantId: string;
  timeoutMs?: number;
  /** Clock in epoch ms; tests inject one to step time. */
  now?: () => number;
}

export class TenantAwareMemoryBackend implements PresenceBackend {
  readonly tenantId: string;
  readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(options: MemoryBackendOptions) {
    assertTenantId(options.tenantId);
    this.tenantId = options.tenantId;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_PRESENCE_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
  }

  private rooms(): TenantRooms {
    let rooms = store.get(this.tenantId);
    if (!rooms) {
      rooms = new Map();
      store.set(this.tenantId, rooms);
    }
    return rooms;
  }

  private room(key: string, create: boolean): Map<string, Entry> | undefined {
    const rooms = this.rooms();
    let room = rooms.get(key);
    if (!room && create) {
      room = new Map();
      rooms.set(key, room);
    }
    return room;
  }

  async join(key: string, userId: string, meta: PresenceMeta = {}): Promise<PresenceRecord> {
    validate(key, userId);
    this.sweepSync(key); // a stale entry is gone: re-joining after it starts a new visit
    const room = this.room(key, true)!;
    const now = this.now();
    const previous = room.get(userId);
    const record: PresenceRecord = { id: userId, tenantId: this.tenantId, joinedAt: previous?.record.joinedAt ?? now, meta: { ...meta } };
    room.set(userId, { record, lastSeen: now });
    return clone(record);
  }

  async leave(key: string, userId: string): Promise<PresenceRecord | null> {
    validate(key, userId);
    const room = this.room(key, false);
    const entry = room?.get(userId);
    if (!room || !entry) return null;
    room.delete(userId);
    if (room.size === 0) this.rooms().delete(key);
    return clone(entry.record);
  }

  async list(key: string): Promise<PresenceRecord[]> {
    validate(key);
    this.sweepSync(key);
    const room = this.room(key, false);
    if (!room) return [];
    return [...room.values()].map((e) => clone(e.record)).sort(byJoin);
  }

  async count(key: string): Promise<number> {
    validate(key);
    this.sweepSync(key);
    return this.room(key, false)?.size ?? 0;
  }

  async heartbeat(key: string, userId: string): Promise<boolean> {
    validate(key, userId);
    this.sweepSync(key); // a stale entry is not revived; the caller re-joins (and announces it)
    const entry = this.room(key, false)?.get(userId);
    if (!entry) return false;
    entry.lastSeen = Math.max(entry.lastSeen, this.now());
    return true;
  }

  async sweep(key: string): Promise<PresenceRecord[]> {
    validate(key);
    return this.sweepSync(key);
  }

  async cleanupStale(): Promise<number> {
    let removed = 0;
    for (const key of [...this.rooms().keys()]) removed += this.sweepSync(key).length;
    return removed;
  }

  async clearTenant(): Promise<void> {
    store.delete(this.tenantId);
  }

  async healthCheck(): Promise<PresenceHealth> {
    await this.cleanupStale();
    let presenceCount = 0;
    for (const room of this.rooms().values()) presenceCount += room.size;
    return { status: 'ok', backend: 'memory', tenantId: this.tenantId, presenceCount };
  }

  private sweepSync(key: string): PresenceRecord[] {
    const room = this.room(key, false);
    if (!room) return [];
    const cutoff = this.now() - this.timeoutMs;
    const removed: PresenceRecord[] = [];
    for (const [userId, entry] of room) {
      if (entry.lastSeen < cutoff) {
        room.delete(userId);
        removed.push(clone(entry.record));
      }
    }
    if (room.size === 0) this.rooms().delete(key);
    return removed;
  }
}

// Same validation as the Redis backend, so both accept and refuse the same inputs.
function validate(key: string, userId?: string): void {
  encodeKeyPart(key, 'presence key');
  if (userId !== undefined) encodeKeyPart(userId, 'user id');
}

function clone(record: PresenceRecord): PresenceRecord {
  return { ...record, meta: structuredClone(record.meta) };
}

export function byJoin(a: PresenceRecord, b: PresenceRecord): number {
  return a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
