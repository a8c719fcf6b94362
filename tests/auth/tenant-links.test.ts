import { describe, expect, it } from 'vitest';
import { switchModeFor, tenantDashboardHref } from '@/lib/auth/tenant-links';

describe('tenant switcher links', () => {
  it('links to the tenant subdomain on the same port in subdomain mode', () => {
    const href = tenantDashboardHref('globex', 'subdomain', {
      host: 'acme.localhost:3000',
      protocol: 'http',
      mainDomain: null,
    });
    expect(href).toBe('http://globex.localhost:3000/dashboard');
  });

  it('uses the main domain and https when configured', () => {
    const href = tenantDashboardHref('globex', 'subdomain', {
      host: 'acme.example.com',
      protocol: 'https',
      mainDomain: 'example.com',
    });
    expect(href).toBe('https://globex.example.com/dashboard');
  });

  it('links to /<slug>/dashboard in path mode', () => {
    expect(tenantDashboardHref('globex', 'path', { host: 'localhost:3000', mainDomain: null })).toBe(
      '/globex/dashboard',
    );
  });

  it('has no link in session mode (a membership-checked form switches instead)', () => {
    expect(tenantDashboardHref('globex', 'session', { host: 'localhost:3000', mainDomain: null })).toBeNull();
  });

  it('picks the first browser-drivable resolver of a chain', () => {
    expect(switchModeFor(['header', 'path', 'subdomain'])).toBe('path');
    expect(switchModeFor(['header', 'session'])).toBe('session');
    expect(switchModeFor(['header'])).toBe('none');
  });
});
