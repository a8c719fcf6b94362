import { describe, expect, it } from 'vitest';
import { withoutTenant } from '@/lib/db';
import { createTenant, SLUG_TAKEN_MESSAGE } from '@/lib/onboarding/create-tenant';
import { slugify } from '@/lib/onboarding/slugify';
import { makeUser, roleOf, seededDbForSuite } from './scratch';

seededDbForSuite();

async function tenantCount(): Promise<number> {
  return withoutTenant((c) => c.tenant.count());
}

describe('slugify', () => {
  it('suggests a slug from a name', () => {
    expect(slugify('Café Müller & Co.')).toBe('cafe-muller-co');
    expect(slugify('  --Hello   World--  ')).toBe('hello-world');
    expect(slugify('x'.repeat(100))).toHaveLength(63);
  });
});

describe('createTenant', () => {
  it('creates the tenant and makes its creator the OWNER, with an audit entry', async () => {
    const user = await makeUser('founder');
    const result = await createTenant({ userId: user.id, name: 'Initech', slug: 'initech' });
    expect(result).toMatchObject({ ok: true, tenant: { slug: 'initech', name: 'Initech' } });
    if (!result.ok) return;
    expect(await roleOf(result.tenant.id, user.id)).toBe('OWNER');
    const audit = await withoutTenant((c) =>
      c.auditLog.findMany({ where: { tenantId: result.tenant.id }, select: { action: true, userId: true } }),
    );
    expect(audit).toEqual([{ action: 'tenant.create', userId: user.id }]);
  });

  it('lower-cases and trims the slug it is given', async () => {
    const user = await makeUser();
    const result = await createTenant({ userId: user.id, name: 'Umbrella', slug: '  Umbrella-Corp ' });
    expect(result.ok && result.tenant.slug).toBe('umbrella-corp');
  });

  it.each(['admin', 'api', 'www', 'dashboard', 'invite'])(
    'refuses the reserved slug "%s" with a field message',
    async (slug) => {
      const user = await makeUser();
      const before = await tenantCount();
      const result = await createTenant({ userId: user.id, name: 'Sneaky', slug });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.fieldErrors.slug?.[0]).toMatch(/reserved/);
      expect(await tenantCount()).toBe(before);
    },
  );

  it.each(['-acme', 'acme-', 'has space', 'dots.here', 'a/b', 'ünï', 'x'.repeat(64)])(
    'refuses the malformed slug %j',
    async (slug) => {
      const user = await makeUser();
      const result = await createTenant({ userId: user.id, name: 'Bad', slug });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.fieldErrors.slug?.length).toBeGreaterThan(0);
    },
  );

  it('refuses a slug that is already taken, leaving the existing tenant untouched', async () => {
    const user = await makeUser();
    const result = await createTenant({ userId: user.id, name: 'Acme Again', slug: 'acme' });
    expect(result).toEqual({ ok: false, fieldErrors: { slug: [SLUG_TAKEN_MESSAGE] } });
    const acme = await withoutTenant((c) =>
      c.tenant.findUniqueOrThrow({ where: { slug: 'acme' }, select: { id: true, name: true } }),
    );
    expect(acme.name).not.toBe('Acme Again');
    expect(await roleOf(acme.id, user.id)).toBeNull();
  });

  it('gives exactly one of two simultaneous requests the slug; the other gets the taken message', async () => {
    const [a, b] = [await makeUser(), await makeUser()];
    const results = await Promise.all([
      createTenant({ userId: a.id, name: 'Race A', slug: 'race-slug' }),
      createTenant({ userId: b.id, name: 'Race B', slug: 'race-slug' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, fieldErrors: { slug: [SLUG_TAKEN_MESSAGE] } });
  });

  it('requires a name', async () => {
    const user = await makeUser();
    const result = await createTenant({ userId: user.id, name: '   ', slug: 'nameless' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors.name?.[0]).toMatch(/name/i);
  });

  it('refuses a user id that does not exist (no ownerless tenant)', async () => {
    const before = await tenantCount();
    const result = await createTenant({ userId: 'no-such-user', name: 'Ghost', slug: 'ghost-town' });
    expect(result.ok).toBe(false);
    expect(await tenantCount()).toBe(before);
  });
});
