import { describe, expect, it, vi } from 'vitest';
import { defineTenancy, type TenancyInput } from './define-tenancy';
import { isTenantlessRoute, refuseWithoutTenant } from './required';
import { resolveTenant } from './resolvers';
import { resolveInput } from './resolvers/test-input';
import type { ResolveInput } from './types';

/**
 * `required` in every resolver mode: the middleware's question, asked after the real resolver
 * chain ran on a request that selects nothing (and on one that selects acme).
 */
type Mode = {
  name: string;
  config: TenancyInput;
  selectsNothing: Partial<ResolveInput>;
  selectsAcme: Partial<ResolveInput>;
};

const MODES: Mode[] = [
  {
    name: 'subdomain',
    config: { resolver: 'subdomain', subdomain: { mainDomain: 'localhost' } },
    selectsNothing: { host: 'localhost:3000' },
    selectsAcme: { host: 'acme.localhost:3000' },
  },
  {
    name: 'path',
    config: { resolver: 'path' },
    // An excluded first segment (`/static/...`), or none at all: no tenant.
    selectsNothing: { pathname: '/static/pricing' },
    selectsAcme: { pathname: '/acme/pricing' },
  },
  {
    name: 'header',
    config: { resolver: 'header' },
    selectsNothing: {},
    selectsAcme: { headers: new Headers({ 'X-Tenant-ID': 'acme' }) },
  },
  {
    name: 'session',
    config: { resolver: 'session' },
    selectsNothing: { cookies: {} },
    selectsAcme: { cookies: { tenant_id: 'acme' } },
  },
  {
    name: 'custom',
    config: { resolver: 'custom', custom: ({ headers }) => headers.get('x-org') },
    selectsNothing: {},
    selectsAcme: { headers: new Headers({ 'x-org': 'acme' }) },
  },
  {
    name: 'chain (header,subdomain)',
    config: { resolver: 'header,subdomain', subdomain: { mainDomain: 'localhost' } },
    selectsNothing: { host: 'localhost' },
    selectsAcme: { host: 'acme.localhost' },
  },
];

function input(over: Partial<ResolveInput>, pathname: string): ResolveInput {
  const base = resolveInput({ host: over.host, cookies: over.cookies, pathname: over.pathname ?? pathname });
  return over.headers ? { ...base, headers: over.headers } : base;
}

/** What the middleware does for `pathname`: resolve, then ask `refuseWithoutTenant`. */
async function refused(config: TenancyInput, over: Partial<ResolveInput>, pathname: string): Promise<boolean> {
  const full = defineTenancy(config, { env: false });
  const request = input(over, pathname);
  return refuseWithoutTenant(request.pathname, await resolveTenant(request, full), full);
}

describe.each(MODES)('required in $name mode', ({ config, selectsNothing, selectsAcme }) => {
  it('is on by default: a page outside the tenant-less routes is a 404 without a tenant', async () => {
    expect(defineTenancy(config, { env: false }).required).toBe(true);
    expect(await refused(config, selectsNothing, '/pricing')).toBe(true);
    expect(await refused(config, selectsNothing, '/dashboard')).toBe(true);
  });

  it('still serves the landing page, sign-in, onboarding, invitations, the API and Next itself', async () => {
    for (const path of [
      '/',
      '/login',
      '/signup',
      '/logout',
      '/onboarding',
      '/invite/abc',
      '/api/tenant',
      '/_next/data/x.json',
    ]) {
      expect(await refused(config, { ...selectsNothing, pathname: path }, path), path).toBe(false);
    }
  });

  it('never refuses a request that selected a tenant', async () => {
    expect(await refused(config, selectsAcme, '/pricing')).toBe(false);
  });

  it('lets every page run without a tenant when off (TENANT_REQUIRED=false)', async () => {
    const off = { ...config, required: false };
    expect(await refused(off, selectsNothing, '/pricing')).toBe(false);
    expect(await refused(off, selectsNothing, '/dashboard')).toBe(false);
  });

  it('is satisfied by the default tenant', async () => {
    expect(await refused({ ...config, defaultTenant: 'acme' }, selectsNothing, '/pricing')).toBe(false);
  });
});

describe('required', () => {
  it('is read from TENANT_REQUIRED', () => {
    expect(defineTenancy({}, { env: { TENANT_REQUIRED: 'false' } }).required).toBe(false);
    expect(defineTenancy({ required: false }, { env: { TENANT_REQUIRED: 'on' } }).required).toBe(true);
  });

  it('refuses after a custom resolver failed, even with a default tenant', async () => {
    const failing: TenancyInput = {
      resolver: 'custom',
      defaultTenant: 'acme',
      custom: () => {
        throw new Error('lookup failed');
      },
    };
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await refused(failing, {}, '/pricing')).toBe(true);
    } finally {
      log.mockRestore();
    }
  });

  it('knows the tenant-less routes, in any case', () => {
    expect(isTenantlessRoute('/')).toBe(true);
    expect(isTenantlessRoute('/LOGIN')).toBe(true);
    expect(isTenantlessRoute('/__nextjs_original-stack-frames')).toBe(true);
    expect(isTenantlessRoute('/dashboard')).toBe(false);
    expect(isTenantlessRoute('/loginx')).toBe(false);
  });
});
