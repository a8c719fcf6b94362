import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { TenantInfo } from '@/lib/tenants/tenant-info';
import { customResolver } from './custom';
import { resolveInput } from './test-input';

let errorLog: MockInstance<typeof console.error>;
beforeEach(() => {
  errorLog = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  errorLog.mockRestore();
});

describe('custom resolver', () => {
  it('passes the input to the function', async () => {
    const fn = vi.fn(() => 'acme');
    const input = resolveInput({ host: 'x.example.com' });
    await customResolver(fn).resolve(input);
    expect(fn).toHaveBeenCalledWith(input);
  });

  it.each([
    ['a slug string', () => 'acme'],
    ['a string that needs normalizing', () => ' ACME '],
    ['a TenantInfo (its slug)', () => new TenantInfo({ id: 'c1', slug: 'acme' })],
    ['an object with a slug', () => ({ slug: 'acme' })],
    ['a promise of a string', async () => 'acme'],
    ['a promise of a TenantInfo', async () => new TenantInfo({ id: 'c1', slug: 'acme' })],
  ])('accepts %s', async (_label, fn) => {
    expect(await customResolver(fn).resolve(resolveInput())).toEqual({ slug: 'acme', via: 'custom' });
  });

  it.each([
    ['null', () => null],
    ['undefined', () => undefined],
    ['a promise of null', async () => null],
    ['an invalid slug', () => '../globex'],
  ])('finds no tenant (and no failure) for %s', async (_label, fn) => {
    const r = customResolver(fn);
    expect(await r.inspect!(resolveInput())).toEqual({ match: null, failed: false });
    expect(errorLog).not.toHaveBeenCalled();
  });

  it('turns a throw into "no tenant", marked failed, with one log line and no stack', async () => {
    const r = customResolver(() => {
      throw new Error('database down\n    at somewhere (file.ts:1:1)');
    });
    expect(await r.resolve(resolveInput())).toBeNull();
    expect(await r.inspect!(resolveInput())).toEqual({ match: null, failed: true });
    expect(errorLog).toHaveBeenCalledTimes(2);
    const line = String(errorLog.mock.calls[0]![0]);
    expect(line).toContain('custom tenant resolver threw');
    expect(line).toContain('database down');
    expect(line).not.toContain('\n');
    expect(errorLog.mock.calls[0]).toHaveLength(1); // the Error object itself (and its stack) is never passed
  });

  it('treats a rejected promise like a throw', async () => {
    const r = customResolver(async () => Promise.reject(new Error('timeout')));
    expect(await r.inspect!(resolveInput())).toEqual({ match: null, failed: true });
  });

  it('treats an unsupported return value as a failure', async () => {
    const r = customResolver(() => 42 as unknown as string);
    expect(await r.inspect!(resolveInput())).toEqual({ match: null, failed: true });
    expect(String(errorLog.mock.calls[0]![0])).toContain('unsupported value');
  });

  it('refuses a non-function', () => {
    expect(() => customResolver('nope' as unknown as () => null)).toThrow(TypeError);
  });
});
