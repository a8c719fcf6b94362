import { describe, expect, it } from 'vitest';
import { withoutTenant } from '@/lib/db';
import { createTenant } from '@/lib/onboarding/create-tenant';
import { DEFAULT_SETTINGS, readTenantSettings, settingsFormSchema } from '@/lib/settings/schema';
import { updateSettings } from '@/lib/settings/settings';
import { invalidateTenant, loadTenantBySlug } from '@/lib/tenants/tenant-store';
import { makeUser, seededDbForSuite } from './scratch';

seededDbForSuite();

async function freshTenant() {
  const owner = await makeUser('owner');
  const slug = `s-${Math.random().toString(36).slice(2, 10)}`;
  const created = await createTenant({ userId: owner.id, name: 'Settings Co', slug });
  if (!created.ok) throw new Error('setup failed');
  return created.tenant;
}

const valid = {
  name: 'Renamed',
  theme: 'dark',
  logoUrl: 'https://cdn.example.com/logo.svg',
  features: ['items', 'api'],
};

describe('the settings form schema', () => {
  it('accepts a valid form (one checkbox arrives as a string, several as an array)', () => {
    expect(settingsFormSchema.parse({ ...valid, features: 'items' }).features).toEqual(['items']);
    expect(settingsFormSchema.parse(valid).features).toEqual(['items', 'api']);
    expect(settingsFormSchema.parse({ ...valid, features: undefined }).features).toEqual([]);
  });

  it.each([
    'http://cdn.example.com/logo.png',
    'javascript:alert(1)',
    'data:image/png;base64,AAAA',
    'not a url',
    '//cdn.example.com/x.png',
  ])('refuses the logo URL %j (https only)', (logoUrl) => {
    const result = settingsFormSchema.safeParse({ ...valid, logoUrl });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['logoUrl']);
  });

  it('treats an empty logo URL as no logo', () => {
    expect(settingsFormSchema.parse({ ...valid, logoUrl: '  ' }).logoUrl).toBeUndefined();
  });

  it('refuses an unknown theme or feature', () => {
    expect(settingsFormSchema.safeParse({ ...valid, theme: 'neon' }).success).toBe(false);
    expect(settingsFormSchema.safeParse({ ...valid, features: ['items', 'billing-hack'] }).success).toBe(false);
  });

  it('reads a damaged settings column back as defaults, key by key', () => {
    expect(readTenantSettings({ theme: 'neon', plan: 'pro', logoUrl: 'http://x' })).toEqual(DEFAULT_SETTINGS);
    expect(readTenantSettings(null)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('updateSettings', () => {
  it('saves name and settings; the tenant (after invalidateTenant) reads them with getSetting', async () => {
    const tenant = await freshTenant();
    expect((await loadTenantBySlug(tenant.slug))?.getSetting('theme')).toBe('light');
    const result = await updateSettings({
      tenantId: tenant.id,
      input: settingsFormSchema.parse(valid),
    });
    expect(result).toMatchObject({ ok: true, slug: tenant.slug });
    invalidateTenant(tenant.slug);
    const loaded = await loadTenantBySlug(tenant.slug);
    expect(loaded?.name).toBe('Renamed');
    expect(loaded?.getSetting('theme')).toBe('dark');
    expect(loaded?.getSetting('logoUrl')).toBe('https://cdn.example.com/logo.svg');
    expect(loaded?.getSetting('features')).toEqual(['items', 'api']);
  });

  // The plan is not a setting any more: tests/billing/access.test.ts.
  it('keeps settings keys it does not own, and removes the logo when cleared', async () => {
    const tenant = await freshTenant();
    await withoutTenant((c) =>
      c.tenant.update({
        where: { id: tenant.id },
        data: { settings: { custom: 42, logoUrl: 'https://old.example/x.png' } },
      }),
    );
    await updateSettings({
      tenantId: tenant.id,
      input: settingsFormSchema.parse({ ...valid, logoUrl: '' }),
    });
    const row = await withoutTenant((c) =>
      c.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { settings: true } }),
    );
    expect(row.settings).toMatchObject({ custom: 42, theme: 'dark' });
    expect(row.settings).not.toHaveProperty('logoUrl');
  });
});
