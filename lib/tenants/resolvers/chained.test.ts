import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import type { TenantResolver } from '@/lib/tenants/types';
import { chainedResolver } from './chained';
import { customResolver } from './custom';
import { headerResolver } from './header';
import { subdomainResolver } from './subdomain';
import { resolveInput } from './test-input';

let errorLog: MockInstance<typeof console.error>;
beforeEach(() => {
  errorLog = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  errorLog.mockRestore();
});

function spy(slug: string | null): TenantResolver & { resolve: ReturnType<typeof vi.fn> } {
  return { name: 'spy', resolve: vi.fn(async () => (slug ? { slug, via: 'custom' as const } : null)) };
}

describe('chained resolver', () => {
  it('returns the first match and never calls the resolvers after it', async () => {
    const later = spy('globex');
    const chain = chainedResolver([headerResolver(), subdomainResolver(), later]);
    const input = resolveInput({ host: 'acme.example.com', headers: { 'X-Tenant-ID': 'initech' } });
    expect(await chain.resolve(input)).toEqual({ slug: 'initech', via: 'header' });
    expect(later.resolve).not.toHaveBeenCalled();
  });

  it('moves on when a resolver finds nothing', async () => {
    const first = spy(null);
    const chain = chainedResolver([first, subdomainResolver()]);
    expect(await chain.resolve(resolveInput({ host: 'acme.example.com' }))).toEqual({ slug: 'acme', via: 'subdomain' });
    expect(first.resolve).toHaveBeenCalledTimes(1);
  });

  it('finds nothing when no resolver does', async () => {
    const chain = chainedResolver([spy(null), spy(null)]);
    expect(await chain.inspect!(resolveInput())).toEqual({ match: null, failed: false });
  });

  it('exposes its resolvers in order', () => {
    const a = headerResolver();
    const b = subdomainResolver();
    expect(chainedResolver([a, b]).resolvers).toEqual([a, b]);
  });

  it('continues after a custom resolver threw but remembers the failure', async () => {
    const broken = customResolver(() => {
      throw new Error('boom');
    });
    const chain = chainedResolver([broken, subdomainResolver()]);
    expect(await chain.inspect!(resolveInput({ host: 'acme.example.com' }))).toEqual({
      match: { slug: 'acme', via: 'subdomain' },
      failed: true,
    });
    expect(await chain.inspect!(resolveInput({ host: 'example.com' }))).toEqual({ match: null, failed: true });
  });

  it('counts a hand-written resolver that throws as a failure, not a crash', async () => {
    const throwing: TenantResolver = {
      name: 'flaky',
      resolve: async () => {
        throw new Error('nope');
      },
    };
    expect(await chainedResolver([throwing]).inspect!(resolveInput())).toEqual({ match: null, failed: true });
    expect(errorLog).toHaveBeenCalledTimes(1);
  });

  it('refuses an empty chain', () => {
    expect(() => chainedResolver([])).toThrow(RangeError);
  });
});
