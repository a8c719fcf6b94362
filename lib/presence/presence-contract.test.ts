import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { TenantAwareMemoryBackend } from './memory-backend';
import { TenantAwareRedisBackend } from './redis-backend';
import type { PresenceBackend } from './types';

// One contract, two backends. Time is a stepped clock so stale/TTL behaviour is tested without sleeps.
const run = `${process.pid}-${Date.now().toString(36)}`;
const prefix = `test-presence-${run}`;
const redis = new Redis('redis://127.0.0.1:6379');
const clock = { t: 1_700_000_000_000 };
const now = () => clock.t;
const TIMEOUT = 1_000;

let counter = 0;
type Make = (tenantId: string) => PresenceBackend;
const factories: [string, Make][] = [
  ['memory', (tenantId) => new TenantAwareMemoryBackend({ tenantId, timeoutMs: TIMEOUT, now })],
  ['redis', (tenantId) => new TenantAwareRedisBackend({ tenantId, redis, keyPrefix: prefix, timeoutMs: TIMEOUT, now })],
];

afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe.each(factories)('%s presence backend', (_name, make) => {
  let acme: PresenceBackend;
  let globex: PresenceBackend;
  beforeEach(() => {
    counter += 1;
    acme = make(`acme-${run}-${counter}`);
    globex = make(`globex-${run}-${counter}`);
  });

  it("lists only its own tenant's user when two tenants join the same room", async () => {
    await acme.join('room:1', 'alice', { name: 'Alice' });
    await globex.join('room:1', 'bob', { name: 'Bob' });
    expect((await acme.list('room:1')).map((r) => r.id)).toEqual(['alice']);
    expect((await globex.list('room:1')).map((r) => r.id)).toEqual(['bob']);
    expect(await acme.count('room:1')).toBe(1);
    expect(await globex.count('room:1')).toBe(1);
  });

  it('returns records shaped { id, tenantId, joinedAt, meta }', async () => {
    const record = await acme.join('doc', 'alice', { name: 'Alice', color: 3 });
    expect(record).toEqual({
      id: 'alice',
      tenantId: acme.tenantId,
      joinedAt: clock.t,
      meta: { name: 'Alice', color: 3 },
    });
    expect(await acme.list('doc')).toEqual([record]);
  });

  it('keeps the first joinedAt on a re-join and replaces meta', async () => {
    const first = await acme.join('doc', 'alice', { v: 1 });
    clock.t += 100;
    const second = await acme.join('doc', 'alice', { v: 2 });
    expect(second.joinedAt).toBe(first.joinedAt);
    expect(await acme.list('doc')).toEqual([{ ...first, meta: { v: 2 } }]);
  });

  it('returns the record from leave, and null when the user was not there', async () => {
    const record = await acme.join('doc', 'alice', { name: 'Alice' });
    expect(await acme.leave('doc', 'alice')).toEqual(record);
    expect(await acme.leave('doc', 'alice')).toBeNull();
    expect(await acme.leave('other', 'nobody')).toBeNull();
    expect(await acme.count('doc')).toBe(0);
  });

  it('keeps heartbeats per (key, user) pair, so "a"+"b:c" and "a:b"+"c" never collide', async () => {
    // Keyed as a joined "<key>:<user>" string, both pairs below would be "a:b:c".
    await acme.join('a', 'b:c');
    await acme.join('a:b', 'c');
    await acme.leave('a', 'b:c');
    expect((await acme.list('a:b')).map((r) => r.id)).toEqual(['c']);
    await acme.join('a', 'b:c');
    clock.t += TIMEOUT - 100;
    expect(await acme.heartbeat('a', 'b:c')).toBe(true);
    clock.t += 200;
    expect((await acme.list('a')).map((r) => r.id)).toEqual(['b:c']);
    expect(await acme.count('a:b')).toBe(0);
  });

  it('drops stale entries from list and count, and keeps heartbeating ones', async () => {
    await acme.join('doc', 'alice');
    clock.t += 10;
    await acme.join('doc', 'bob');
    clock.t += TIMEOUT / 2;
    expect(await acme.heartbeat('doc', 'alice')).toBe(true);
    clock.t += TIMEOUT / 2 + 1; // bob last seen TIMEOUT+1 ago, alice TIMEOUT/2+1 ago
    expect(await acme.count('doc')).toBe(1);
    expect((await acme.list('doc')).map((r) => r.id)).toEqual(['alice']);
  });

  it('orders by join time, which heartbeats do not change', async () => {
    await acme.join('doc', 'zed');
    clock.t += 5;
    await acme.join('doc', 'amy');
    clock.t += 5;
    await acme.heartbeat('doc', 'zed');
    await acme.heartbeat('doc', 'amy');
    expect((await acme.list('doc')).map((r) => r.id)).toEqual(['zed', 'amy']);
  });

  it('does not create presence from a heartbeat without a join, nor revive a stale user', async () => {
    expect(await acme.heartbeat('doc', 'ghost')).toBe(false);
    expect(await acme.count('doc')).toBe(0);
    await acme.join('doc', 'alice');
    clock.t += TIMEOUT + 1;
    expect(await acme.heartbeat('doc', 'alice')).toBe(false);
    expect(await acme.list('doc')).toEqual([]);
  });

  it('cleans up stale entries across keys of its tenant only, returning how many it removed', async () => {
    await acme.join('one', 'alice');
    await acme.join('two', 'bob');
    await acme.join('two', 'carol');
    await globex.join('one', 'dave');
    clock.t += TIMEOUT / 2;
    await acme.heartbeat('two', 'carol');
    clock.t += TIMEOUT / 2 + 1;
    expect(await acme.cleanupStale()).toBe(2);
    expect(await acme.cleanupStale()).toBe(0);
    expect((await acme.list('two')).map((r) => r.id)).toEqual(['carol']);
    // globex's stale entry is its own business: still there until globex sweeps it.
    expect(await globex.sweep('one')).toEqual([expect.objectContaining({ id: 'dave', tenantId: globex.tenantId })]);
  });

  it('returns the removed records from sweep(key)', async () => {
    await acme.join('doc', 'alice', { name: 'Alice' });
    clock.t += TIMEOUT + 1;
    expect(await acme.sweep('doc')).toEqual([
      { id: 'alice', tenantId: acme.tenantId, joinedAt: clock.t - TIMEOUT - 1, meta: { name: 'Alice' } },
    ]);
    expect(await acme.sweep('doc')).toEqual([]);
  });

  it('hands every pruned record to exactly one later sweep, whoever pruned it', async () => {
    await acme.join('doc', 'alice');
    await acme.join('doc', 'bob');
    clock.t += TIMEOUT / 2;
    await acme.heartbeat('doc', 'bob');
    clock.t += TIMEOUT / 2 + 1;
    expect(await acme.count('doc')).toBe(1); // prunes alice silently…
    expect((await acme.sweep('doc')).map((r) => r.id)).toEqual(['alice']); // …and sweep still reports her
    expect(await acme.sweep('doc')).toEqual([]);
    clock.t += TIMEOUT + 1;
    expect(await acme.cleanupStale()).toBe(1);
    expect((await acme.sweep('doc')).map((r) => r.id)).toEqual(['bob']);
  });

  it('does not report a user who re-joined before the sweep', async () => {
    await acme.join('doc', 'alice');
    clock.t += TIMEOUT + 1;
    expect(await acme.list('doc')).toEqual([]);
    await acme.join('doc', 'alice');
    expect(await acme.sweep('doc')).toEqual([]);
    expect((await acme.list('doc')).map((r) => r.id)).toEqual(['alice']);
  });

  it('returns from leave the record of a pruned user not yet swept, and then sweeps nothing', async () => {
    await acme.join('doc', 'alice', { n: 1 });
    clock.t += TIMEOUT + 1;
    expect(await acme.count('doc')).toBe(0);
    expect(await acme.leave('doc', 'alice')).toMatchObject({ id: 'alice', meta: { n: 1 } });
    expect(await acme.sweep('doc')).toEqual([]);
  });

  it('clears only its own tenant', async () => {
    await acme.join('doc', 'alice');
    await acme.join('*', 'star');
    await globex.join('doc', 'bob');
    await acme.clearTenant();
    expect(await acme.count('doc')).toBe(0);
    expect(await acme.count('*')).toBe(0);
    expect((await globex.list('doc')).map((r) => r.id)).toEqual(['bob']);
    expect((await acme.healthCheck()).presenceCount).toBe(0);
  });

  it("cannot reach another tenant's presence with a key or user id containing ':'", async () => {
    await globex.join('doc', 'bob');
    const globexId = globex.tenantId;
    // Keys that would name globex's storage if ':' were taken literally.
    for (const key of [`x:tenant:${globexId}:presence:doc`, '../doc', 'doc:hb', 'doc:meta']) {
      await acme.join(key, `evil:${globexId}:bob`);
      expect((await acme.list(key)).every((r) => r.tenantId === acme.tenantId)).toBe(true);
      await acme.leave(key, 'bob');
    }
    await acme.clearTenant();
    expect((await globex.list('doc')).map((r) => r.id)).toEqual(['bob']);
    expect(await globex.count('doc')).toBe(1);
  });

  it("round-trips a user id containing ':' without touching other users", async () => {
    await acme.join('doc', 'bob');
    await acme.join('doc', 'doc:bob', { n: 1 });
    expect((await acme.list('doc')).map((r) => r.id).sort()).toEqual(['bob', 'doc:bob']);
    expect(await acme.leave('doc', 'doc:bob')).toMatchObject({ id: 'doc:bob', meta: { n: 1 } });
    expect((await acme.list('doc')).map((r) => r.id)).toEqual(['bob']);
  });

  it("refuses a tenant id that could name another tenant's namespace", () => {
    for (const bad of ['acme:presence', 'a*', '', 'x y', 'acme\n']) {
      expect(() => make(bad)).toThrow(/invalid tenant id/);
    }
  });

  it('refuses empty or oversized keys and user ids', async () => {
    await expect(acme.join('', 'alice')).rejects.toThrow(/invalid presence key/);
    await expect(acme.join('doc', '')).rejects.toThrow(/invalid user id/);
    await expect(acme.join('x'.repeat(257), 'alice')).rejects.toThrow(/invalid presence key/);
  });

  it('reports health with the tenant presence count', async () => {
    await acme.join('one', 'alice');
    await acme.join('two', 'bob');
    await globex.join('one', 'carol');
    expect(await acme.healthCheck()).toMatchObject({ status: 'ok', tenantId: acme.tenantId, presenceCount: 2 });
  });
});

describe('redis presence backend (storage details)', () => {
  it('stores keys under <prefix>:tenant:<tenantId>:presence:<encoded key> with a TTL', async () => {
    const tenantId = `ttl-${run}`;
    const backend = new TenantAwareRedisBackend({ tenantId, redis, keyPrefix: prefix, timeoutMs: TIMEOUT });
    await backend.join('doc:1', 'alice');
    const keys = (await redis.keys(`${prefix}:tenant:${tenantId}:*`)).sort();
    expect(keys).toEqual([
      `${prefix}:tenant:${tenantId}:presence-keys`,
      `${prefix}:tenant:${tenantId}:presence:doc%3A1:hb`,
      `${prefix}:tenant:${tenantId}:presence:doc%3A1:meta`,
    ]);
    for (const key of keys) {
      const ttl = await redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(2 * TIMEOUT);
    }
  });

  it('reports degraded (and does not throw) when Redis is unreachable', async () => {
    const backend = new TenantAwareRedisBackend({ tenantId: 'acme', url: 'redis://127.0.0.1:1', timeoutMs: TIMEOUT });
    try {
      expect(await backend.healthCheck()).toMatchObject({
        status: 'degraded',
        backend: 'redis',
        tenantId: 'acme',
        presenceCount: 0,
      });
    } finally {
      await backend.close();
    }
  });
});
