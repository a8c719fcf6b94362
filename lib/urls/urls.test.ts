import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * Every absolute URL comes from configuration (issue 10, findings 2 and 7). The tenancy config is
 * read once per module instance, so each case loads fresh modules under its own environment.
 */
const KEYS = ['APP_URL', 'PORT', 'TENANT_RESOLVER', 'TENANT_MAIN_DOMAIN', 'NODE_ENV'] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
const environment = process.env as Record<string, string | undefined>;

async function load(vars: Partial<Record<(typeof KEYS)[number], string>>) {
  for (const key of KEYS) delete environment[key];
  Object.assign(environment, { NODE_ENV: 'test' }, vars);
  vi.resetModules();
  const [app, tenant, host] = await Promise.all([
    import('./app-origin'),
    import('./tenant-origin'),
    import('./deployment-host'),
  ]);
  return { ...app, ...tenant, ...host };
}

afterEach(() => {
  for (const key of KEYS) {
    if (saved[key] === undefined) delete environment[key];
    else environment[key] = saved[key];
  }
});

describe('lib/urls', () => {
  it('builds the origin from APP_URL, else http://localhost:$PORT', async () => {
    expect((await load({ APP_URL: 'https://app.example.com/' })).appOrigin()).toBe('https://app.example.com');
    expect((await load({ PORT: '4100' })).appOrigin()).toBe('http://localhost:4100');
    const u = await load({ APP_URL: 'https://app.example.com' });
    expect(u.absoluteUrl('/invite/abc')).toBe('https://app.example.com/invite/abc');
  });

  it('puts tenants on <slug>.<main domain> with the configured protocol and port', async () => {
    const u = await load({ APP_URL: 'https://example.com:8443', TENANT_MAIN_DOMAIN: 'example.com' });
    expect(u.tenantOrigin('acme')).toBe('https://acme.example.com:8443');
    expect(u.tenantUrl('acme', '/documents')).toBe('https://acme.example.com:8443/documents');
  });

  // Finding 7: on main, subdomain mode without TENANT_MAIN_DOMAIN linked to `<slug>.localhost` even
  // on a real domain. Now the main domain falls back to APP_URL's host.
  it('never links a real deployment to *.localhost when TENANT_MAIN_DOMAIN is unset', async () => {
    const u = await load({ APP_URL: 'https://tenantry.example.org' });
    expect(u.tenantOrigin('acme')).toBe('https://acme.tenantry.example.org');
    expect(u.tenantOrigin('acme')).not.toContain('localhost');
  });

  it('keeps tenants on the app origin in path mode (with the slug in front of the path)', async () => {
    const u = await load({ APP_URL: 'https://app.example.com', TENANT_RESOLVER: 'path' });
    expect(u.tenantOrigin('acme')).toBe('https://app.example.com');
    expect(u.tenantUrl('acme', '/dashboard')).toBe('https://app.example.com/acme/dashboard');
  });

  it('recognises the deployment’s own hosts and nothing else', async () => {
    const u = await load({ APP_URL: 'https://example.com', TENANT_MAIN_DOMAIN: 'example.com' });
    for (const host of ['example.com', 'EXAMPLE.com:443', 'acme.example.com', 'acme.example.com:8080'])
      expect(await u.isDeploymentHost(host), host).toBe(true);
    for (const host of ['evil.example', 'example.com.evil.test', 'evilexample.com', 'localhost', '', null])
      expect(await u.isDeploymentHost(host), String(host)).toBe(false);
  });

  it('treats loopback names alike when the deployment is on loopback', async () => {
    const u = await load({ APP_URL: 'http://localhost:3000', TENANT_MAIN_DOMAIN: 'localhost' });
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'acme.localhost:3000'])
      expect(await u.isDeploymentHost(host), host).toBe(true);
    expect(await u.isDeploymentHost('evil.example')).toBe(false);
  });

  it('asks the verified-host check (custom domains) about any other host', async () => {
    const u = await load({ APP_URL: 'https://example.com', TENANT_MAIN_DOMAIN: 'example.com' });
    u.setVerifiedHostCheck(async (name) => name === 'docs.acme-corp.test');
    expect(await u.isDeploymentHost('docs.acme-corp.test')).toBe(true);
    expect(await u.isDeploymentHost('evil.example')).toBe(false);
    u.setVerifiedHostCheck(null);
    expect(await u.isDeploymentHost('docs.acme-corp.test')).toBe(false);
  });
});
