import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { defineTenancy, getTenancyConfig, TenancyConfigError } from '@/lib/tenants/config';
import { getTenantResolver, resolveTenant } from './index';
import { resolveInput } from './test-input';

let errorLog: MockInstance<typeof console.error>;
beforeEach(() => {
  errorLog = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  errorLog.mockRestore();
});

describe('getTenantResolver', () => {
  it('builds the single configured resolver', () => {
    expect(getTenantResolver({ resolver: 'path' }).name).toBe('path');
  });

  it('builds a chain for a comma list and exposes its resolvers in order', () => {
    const r = getTenantResolver({ resolver: 'header,subdomain,session' });
    expect(r.name).toBe('chained');
    expect('resolvers' in r && r.resolvers.map((x) => x.name)).toEqual(['header', 'subdomain', 'session']);
  });

  it('uses tenancy.config.ts when no config is given', () => {
    expect(getTenantResolver()).toBe(getTenantResolver(getTenancyConfig()));
  });

  it('throws on an invalid config instead of falling back', () => {
    expect(() => getTenantResolver({ resolver: 'subdomian' })).toThrow(TenancyConfigError);
    expect(() => getTenantResolver({ path: { position: 0 } })).toThrow(/path\.position/);
  });

  it('does not let the environment override an explicit config argument', () => {
    const before = process.env.TENANT_RESOLVER;
    process.env.TENANT_RESOLVER = 'header';
    try {
      expect(getTenantResolver({ resolver: 'path' }).name).toBe('path');
    } finally {
      if (before === undefined) delete process.env.TENANT_RESOLVER;
      else process.env.TENANT_RESOLVER = before;
    }
  });
});

describe('resolveTenant', () => {
  it('resolves with the given config merged with defaults', async () => {
    expect(await resolveTenant(resolveInput({ host: 'acme.example.com' }), {})).toEqual({
      slug: 'acme',
      via: 'subdomain',
    });
    expect(await resolveTenant(resolveInput({ pathname: '/globex/x' }), { resolver: 'path' })).toEqual({
      slug: 'globex',
      via: 'path',
    });
  });

  it('accepts a config built by defineTenancy', async () => {
    const config = defineTenancy({ resolver: 'header' }, { env: {} });
    const input = resolveInput({ headers: { 'x-tenant-id': 'acme' } });
    expect(await resolveTenant(input, config)).toEqual({ slug: 'acme', via: 'header' });
  });

  it('returns null when nothing resolves and there is no default', async () => {
    expect(await resolveTenant(resolveInput({ host: 'example.com' }), {})).toBeNull();
  });

  it('applies the default tenant when nothing resolves', async () => {
    expect(await resolveTenant(resolveInput({ host: 'example.com' }), { defaultTenant: 'acme' })).toEqual({
      slug: 'acme',
      via: 'default',
    });
  });

  it('prefers a resolved tenant over the default', async () => {
    expect(await resolveTenant(resolveInput({ host: 'globex.example.com' }), { defaultTenant: 'acme' })).toEqual({
      slug: 'globex',
      via: 'subdomain',
    });
  });

  it('does not apply the default tenant after a custom resolver threw', async () => {
    const config = {
      resolver: 'custom',
      defaultTenant: 'acme',
      custom: () => {
        throw new Error('lookup failed');
      },
    };
    expect(await resolveTenant(resolveInput(), config)).toBeNull();
    expect(errorLog).toHaveBeenCalledTimes(1);
  });

  it('does not apply the default tenant after a throw anywhere in a chain', async () => {
    const config = {
      resolver: 'custom,subdomain',
      defaultTenant: 'acme',
      custom: async () => Promise.reject(new Error('lookup failed')),
    };
    expect(await resolveTenant(resolveInput({ host: 'example.com' }), config)).toBeNull();
    expect(await resolveTenant(resolveInput({ host: 'globex.example.com' }), config)).toEqual({
      slug: 'globex',
      via: 'subdomain',
    });
  });

  it('applies the default tenant when the custom resolver simply returns null', async () => {
    expect(
      await resolveTenant(resolveInput(), { resolver: 'custom', defaultTenant: 'acme', custom: () => null }),
    ).toEqual({
      slug: 'acme',
      via: 'default',
    });
  });

  it('runs a chain in order, first match wins', async () => {
    const input = resolveInput({
      host: 'acme.example.com',
      headers: { 'x-tenant-id': 'globex' },
      cookies: { tenant_id: 'initech' },
    });
    expect(await resolveTenant(input, { resolver: 'header,subdomain,session' })).toEqual({
      slug: 'globex',
      via: 'header',
    });
    expect(await resolveTenant(input, { resolver: 'session,header' })).toEqual({ slug: 'initech', via: 'session' });
    expect(await resolveTenant(input, { resolver: 'subdomain,header' })).toEqual({ slug: 'acme', via: 'subdomain' });
  });

  it('rejects on an invalid config', async () => {
    await expect(resolveTenant(resolveInput(), { resolver: 'cookie' })).rejects.toThrow(TenancyConfigError);
  });
});
