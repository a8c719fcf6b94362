import { describe, expect, it } from 'vitest';
import { isTrustedOnlyHeader, stripTenantHeaders, TENANT_SLUG_HEADER, TENANT_VIA_HEADER } from './headers';

describe('stripTenantHeaders', () => {
  const incoming = () =>
    new Headers([
      ['host', 'acme.example.com'],
      ['X-Tenant-Slug', 'globex'],
      ['x-tenant-via', 'header'],
      ['X-Tenant-ID', 'globex'],
      ['x-tenant', 'globex'],
      ['x-middleware-subrequest', 'middleware:middleware:middleware:middleware:middleware'],
      ['x-middleware-override-headers', 'x-tenant-slug'],
      ['accept', 'text/html'],
      ['cookie', 'a=1; b=2'],
      ['x-tenantish', 'kept'],
    ]);

  it('drops every client-sent x-tenant-* header and x-middleware-subrequest', () => {
    const out = stripTenantHeaders(incoming());
    expect(out.get(TENANT_SLUG_HEADER)).toBeNull();
    expect(out.get(TENANT_VIA_HEADER)).toBeNull();
    expect(out.get('x-tenant-id')).toBeNull();
    expect(out.get('x-tenant')).toBeNull();
    expect(out.get('x-middleware-subrequest')).toBeNull();
    expect(out.get('x-middleware-override-headers')).toBeNull();
  });

  it('keeps every other header', () => {
    const out = stripTenantHeaders(incoming());
    expect(out.get('host')).toBe('acme.example.com');
    expect(out.get('accept')).toBe('text/html');
    expect(out.get('cookie')).toBe('a=1; b=2');
    expect(out.get('x-tenantish')).toBe('kept');
  });

  it('returns a copy and leaves the input untouched', () => {
    const input = incoming();
    const out = stripTenantHeaders(input);
    expect(out).not.toBe(input);
    expect(input.get('x-tenant-slug')).toBe('globex');
    out.set('x-tenant-slug', 'acme');
    expect(input.get('x-tenant-slug')).toBe('globex');
  });

  it('classifies header names case-insensitively', () => {
    expect(isTrustedOnlyHeader('X-TENANT-SLUG')).toBe(true);
    expect(isTrustedOnlyHeader('X-Middleware-Subrequest')).toBe(true);
    expect(isTrustedOnlyHeader('x-tenants')).toBe(false);
    expect(isTrustedOnlyHeader('accept')).toBe(false);
  });
});
