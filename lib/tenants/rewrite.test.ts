import { describe, expect, it } from 'vitest';
import { tenantRewritePath } from './rewrite';

describe('tenantRewritePath', () => {
  const host = { slug: 'acme', via: 'subdomain' };

  it('prefixes every path on a tenant host, not only /', () => {
    expect(tenantRewritePath('/', host)).toBe('/acme');
    expect(tenantRewritePath('/dashboard', host)).toBe('/acme/dashboard');
    expect(tenantRewritePath('/documents/d1', host)).toBe('/acme/documents/d1');
  });

  it('turns /<other-slug>/… on a tenant host into a path under the resolved tenant', () => {
    expect(tenantRewritePath('/globex/dashboard', host)).toBe('/acme/globex/dashboard');
  });

  it('leaves app-level routes alone (they read the tenant from the trusted header)', () => {
    expect(tenantRewritePath('/api/tenant', host)).toBeNull();
    expect(tenantRewritePath('/login', host)).toBeNull();
    expect(tenantRewritePath('/API/tenant', host)).toBeNull();
  });

  it('does not prefix the slug twice with the path resolver', () => {
    expect(tenantRewritePath('/acme/dashboard', { slug: 'acme', via: 'path' })).toBe('/acme/dashboard');
    expect(tenantRewritePath('/acme', { slug: 'acme', via: 'path' })).toBe('/acme');
  });

  it('sends /<slug>/api/… in path mode to the app-level route with that tenant selected', () => {
    expect(tenantRewritePath('/acme/api/realtime/token', { slug: 'acme', via: 'path' })).toBe('/api/realtime/token');
  });

  it('moves the slug to the front when the path position is not 1', () => {
    expect(tenantRewritePath('/orgs/acme/dashboard', { slug: 'acme', via: 'path' }, 2)).toBe('/acme/orgs/dashboard');
  });

  it('uses the lower-cased slug from the resolver even when the URL was upper-case', () => {
    expect(tenantRewritePath('/ACME/dashboard', { slug: 'acme', via: 'path' })).toBe('/acme/dashboard');
  });
});
