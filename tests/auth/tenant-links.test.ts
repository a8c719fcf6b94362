import { describe, expect, it } from 'vitest';
import { handoffStartHref, switchModeFor, tenantDashboardHref, tenantPageHref } from '@/lib/auth/tenant-links';

describe('tenant switcher links', () => {
  // Issue 10, finding 1: on main this was `http://globex.localhost:3000/dashboard`, a host with no
  // session cookie — the user met a second sign-in form. Now the current host hands the session over.
  it('goes through the handoff on the current host in subdomain mode', () => {
    expect(tenantDashboardHref('globex', 'subdomain')).toBe('/api/auth/handoff/start?tenant=globex&next=%2Fdashboard');
    expect(tenantPageHref('globex', 'subdomain', '/documents?x=1')).toBe(
      '/api/auth/handoff/start?tenant=globex&next=%2Fdocuments%3Fx%3D1',
    );
    expect(handoffStartHref()).toBe('/api/auth/handoff/start');
  });

  it('links to /<slug>/dashboard in path mode', () => {
    expect(tenantDashboardHref('globex', 'path')).toBe('/globex/dashboard');
  });

  it('has no link in session mode (a membership-checked form switches instead)', () => {
    expect(tenantDashboardHref('globex', 'session')).toBeNull();
  });

  it('picks the first browser-drivable resolver of a chain', () => {
    expect(switchModeFor(['header', 'path', 'subdomain'])).toBe('path');
    expect(switchModeFor(['header', 'session'])).toBe('session');
    expect(switchModeFor(['header'])).toBe('none');
  });
});
