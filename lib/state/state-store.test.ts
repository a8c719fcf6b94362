import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { closeTestRedis, describeWithRedis, lazyTestRedis } from '@/tests/setup/test-redis';
import { TenantMemoryStateStore } from './memory-store';
import { TenantRedisStateStore } from './redis-store';
import type { TenantStateStore } from './types';

const run = `${process.pid}-${Date.now().toString(36)}`;
const prefix = `test-state-${run}`;
const redis = lazyTestRedis();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterAll(() => closeTestRedis(redis, `${prefix}:*`));

let counter = 0;
type Make = (tenantId: string) => TenantStateStore;
const factories: [string, Make][] = [
  ['memory', (tenantId) => new TenantMemoryStateStore({ tenantId, keyPrefix: prefix })],
  ['redis', (tenantId) => new TenantRedisStateStore({ tenantId, redis, keyPrefix: prefix })],
];

function contract(_name: string, make: Make) {
  let acme: TenantStateStore;
  let globex: TenantStateStore;
  beforeEach(() => {
    counter += 1;
    acme = make(`acme-${counter}`);
    globex = make(`globex-${counter}`);
  });

  it('stores JSON values per tenant', async () => {
    await acme.set('draft', { title: 'Plan', tags: ['a'], n: 1 });
    await globex.set('draft', 'globex draft');
    expect(await acme.get('draft')).toEqual({ title: 'Plan', tags: ['a'], n: 1 });
    expect(await globex.get('draft')).toBe('globex draft');
    expect(await acme.get('missing')).toBeNull();
  });

  it('separates namespaces and lists keys of one namespace only', async () => {
    await acme.set('b', 1, { namespace: 'drafts' });
    await acme.set('a:1', 2, { namespace: 'drafts' });
    await acme.set('a', 3);
    await globex.set('c', 4, { namespace: 'drafts' });
    expect(await acme.keys('drafts')).toEqual(['a:1', 'b']);
    expect(await acme.keys()).toEqual(['a']);
    expect(await acme.get('a', { namespace: 'drafts' })).toBeNull();
    expect(await globex.keys('drafts')).toEqual(['c']);
  });

  it('deletes a key and says whether it existed', async () => {
    await acme.set('k', true);
    expect(await acme.delete('k')).toBe(true);
    expect(await acme.delete('k')).toBe(false);
    expect(await acme.get('k')).toBeNull();
  });

  it('expires a value after its TTL', async () => {
    await acme.set('short', 'gone soon', { ttlSeconds: 0.05 });
    await acme.set('long', 'stays', { ttlSeconds: 60 });
    expect(await acme.get('short')).toBe('gone soon');
    await sleep(120);
    expect(await acme.get('short')).toBeNull();
    expect(await acme.keys()).toEqual(['long']);
  });

  it("cannot reach another tenant's keys with ':' or glob characters in a namespace or key", async () => {
    await globex.set('secret', 'globex only');
    const g = globex.tenantId;
    await acme.set(`x:tenant:${g}:default:secret`, 'acme');
    await acme.set('secret', 'acme', { namespace: `default:tenant:${g}` });
    expect(await globex.get('secret')).toBe('globex only');
    expect(await acme.get('secret')).toBeNull();
    expect(await acme.keys('*')).toEqual([]);
    expect(await globex.keys()).toEqual(['secret']);
  });

  it("keeps namespace 'a' + key 'b:c' apart from namespace 'a:b' + key 'c'", async () => {
    await acme.set('b:c', 'one', { namespace: 'a' });
    await acme.set('c', 'two', { namespace: 'a:b' });
    expect(await acme.get('b:c', { namespace: 'a' })).toBe('one');
    expect(await acme.get('c', { namespace: 'a:b' })).toBe('two');
    expect(await acme.keys('a')).toEqual(['b:c']);
  });

  it('refuses invalid tenant ids, reserved namespaces, bad TTLs and undefined values', async () => {
    expect(() => make('acme:default')).toThrow(/invalid tenant id/);
    await expect(acme.set('k', 1, { namespace: 'presence' })).rejects.toThrow(/reserved/);
    await expect(acme.set('k', 1, { ttlSeconds: 0 })).rejects.toThrow(/ttlSeconds/);
    await expect(acme.set('k', undefined)).rejects.toThrow(/JSON/);
    await expect(acme.get('')).rejects.toThrow(/invalid state key/);
  });
}

describe.each(factories.filter(([name]) => name === 'memory'))('%s state store', contract);
describeWithRedis.each(factories.filter(([name]) => name === 'redis'))('%s state store', contract);

describeWithRedis('redis state store (storage details)', () => {
  it('writes keys as <prefix>:tenant:<tenantId>:<namespace>:<key> with a TTL', async () => {
    const store = new TenantRedisStateStore({ tenantId: `layout-${run}`, redis, keyPrefix: prefix });
    await store.set('doc:1', { a: 1 }, { namespace: 'drafts', ttlSeconds: 30 });
    const full = `${prefix}:tenant:layout-${run}:drafts:doc%3A1`;
    expect(await redis.get(full)).toBe('{"a":1}');
    const ttl = await redis.pttl(full);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30_000);
  });
});
