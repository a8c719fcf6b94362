import { singleton } from '@/lib/singleton';
import { assertTenantId, encodeKeyPart } from '@/lib/state/key-parts';
import {
  DEFAULT_PRESENCE_TIMEOUT_MS,
  type PresenceBackend,
  type PresenceHealth,
  type PresenceMeta,
  type PresenceRecord,
} from './types';

/**
 * In-process presence, the development default.
 *
 * Invariant: storage is nested maps tenant → key → user, so no pair of (key, user) can collide
 * (joined "<key>:<user>" strings would, and one user's leave would purge another's).
 * Proven by the "keeps heartbeats per (key, user) pair" test in presence-contract.test.ts.
 */

interface Entry {
  record: PresenceRecord;
  lastSeen: number;
}
interface Room {
  live: Map<string, Entry>;
  /** Pruned but not yet returned by `sweep` (so someone announces the leave exactly once). */
  gone: Map<string, PresenceRecord>;
}
type TenantRooms = Map<string, Room>;

const MAX_GONE_PER_ROOM = 10_000;

// Process-wide so every instance (and every copy of this module) shares one view per tenant.
const store = singleton('presence.memory', () => new Map<string, TenantRooms>());

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

  private room(key: string): Room {
    const rooms = this.rooms();
    let room = rooms.get(key);
    if (!room) {
      room = { live: new Map(), gone: new Map() };
      rooms.set(key, room);
    }
    return room;
  }

  private forget(key: string, room: Room): void {
    if (room.live.size === 0 && room.gone.size === 0) this.rooms().delete(key);
  }

  async join(key: string, userId: string, meta: PresenceMeta = {}): Promise<PresenceRecord> {
    validate(key, userId);
    const room = this.room(key);
    this.prune(room); // a stale entry is gone: re-joining after it starts a new visit
    room.gone.delete(userId); // back before anyone announced the leave: no leave
    const now = this.now();
    const previous = room.live.get(userId);
    const record: PresenceRecord = {
      id: userId,
      tenantId: this.tenantId,
      joinedAt: previous?.record.joinedAt ?? now,
      meta: { ...meta },
    };
    room.live.set(userId, { record, lastSeen: now });
    return clone(record);
  }

  async leave(key: string, userId: string): Promise<PresenceRecord | null> {
    validate(key, userId);
    const room = this.rooms().get(key);
    if (!room) return null;
    const record = room.live.get(userId)?.record ?? room.gone.get(userId) ?? null;
    room.live.delete(userId);
    room.gone.delete(userId);
    this.forget(key, room);
    return record && clone(record);
  }

  async list(key: string): Promise<PresenceRecord[]> {
    validate(key);
    const room = this.rooms().get(key);
    if (!room) return [];
    this.prune(room);
    return [...room.live.values()].map((e) => clone(e.record)).sort(byJoin);
  }

  async count(key: string): Promise<number> {
    validate(key);
    const room = this.rooms().get(key);
    if (!room) return 0;
    this.prune(room);
    return room.live.size;
  }

  async heartbeat(key: string, userId: string): Promise<boolean> {
    validate(key, userId);
    const room = this.rooms().get(key);
    if (!room) return false;
    this.prune(room); // a stale entry is not revived; the caller re-joins (and announces it)
    const entry = room.live.get(userId);
    if (!entry) return false;
    entry.lastSeen = Math.max(entry.lastSeen, this.now());
    return true;
  }

  async sweep(key: string): Promise<PresenceRecord[]> {
    validate(key);
    const room = this.rooms().get(key);
    if (!room) return [];
    this.prune(room);
    const gone = [...room.gone.values()].map(clone);
    room.gone.clear();
    this.forget(key, room);
    return gone;
  }

  async cleanupStale(): Promise<number> {
    let removed = 0;
    for (const room of this.rooms().values()) removed += this.prune(room);
    return removed;
  }

  async clearTenant(): Promise<void> {
    store.delete(this.tenantId);
  }

  async healthCheck(): Promise<PresenceHealth> {
    await this.cleanupStale();
    let presenceCount = 0;
    for (const room of this.rooms().values()) presenceCount += room.live.size;
    return { status: 'ok', backend: 'memory', tenantId: this.tenantId, presenceCount };
  }

  /** Moves stale entries to `gone`; returns how many. */
  private prune(room: Room): number {
    const cutoff = this.now() - this.timeoutMs;
    let removed = 0;
    for (const [userId, entry] of room.live) {
      if (entry.lastSeen >= cutoff) continue;
      room.live.delete(userId);
      room.gone.set(userId, entry.record);
      removed += 1;
    }
    // Bounded: with nobody sweeping (no sidecar), the oldest tombstones are dropped.
    for (const userId of room.gone.keys()) {
      if (room.gone.size <= MAX_GONE_PER_ROOM) break;
      room.gone.delete(userId);
    }
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
