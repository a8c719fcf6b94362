import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkMembership, findRole, listUserTenants } from '@/lib/auth/membership';
import { forTenant } from '@/lib/db';
import { invalidateTenant, loadTenantBySlug } from '@/lib/tenants/tenant-store';
import { useSeededDb, userId } from './helpers';

/**
 * The guard's decisions (lib/auth/membership.ts, used by requirePermission, getMemberAccess and
 * tenantAction) against the real seeded database.
 */
describe('membership guard', () => {
  let close: () => Promise<void>;
  let alice: string;
  let carol: string;

  beforeAll(async () => {
    ({ close } = await useSeededDb());
    alice = await userId('alice@acme.test');
    carol = await userId('carol@both.test');
  });
  afterAll(() => close());

  it('lets a member in with their role', async () => {
    const check = await checkMembership(alice, 'acme');
    expect(check).toMatchObject({ status: 'ok', role: 'OWNER' });
  });

  it('treats a non-member exactly like an unknown tenant (404, nothing revealed)', async () => {
    const other = await checkMembership(alice, 'globex');
    const unknown = await checkMembership(alice, 'no-such-tenant');
    expect(other).toEqual({ status: 'not-found' });
    expect(unknown).toEqual(other);
  });

  it('refuses a member whose role is too low (403)', async () => {
    const check = await checkMembership(carol, 'acme', 'ADMIN');
    expect(check.status).toBe('forbidden');
    expect(await checkMembership(alice, 'acme', 'ADMIN')).toMatchObject({ status: 'ok' });
  });

  it('denies a removed member at once, on the very next check', async () => {
    const acme = await loadTenantBySlug('acme');
    if (!acme) throw new Error('seed missing acme');
    expect((await checkMembership(carol, 'acme')).status).toBe('ok');
    await forTenant(acme.id).membership.deleteMany({ where: { userId: carol } });
    expect(await checkMembership(carol, 'acme')).toEqual({ status: 'not-found' });
    expect(await findRole(carol, acme.id)).toBeNull();
    // carol keeps her other tenant
    expect((await checkMembership(carol, 'globex')).status).toBe('ok');
    await forTenant(acme.id).membership.create({ data: { tenantId: acme.id, userId: carol, role: 'MEMBER' } });
  });

  it('applies a demotion at once', async () => {
    const acme = await loadTenantBySlug('acme');
    if (!acme) throw new Error('seed missing acme');
    const scoped = forTenant(acme.id);
    await scoped.membership.updateMany({ where: { userId: carol }, data: { role: 'ADMIN' } });
    expect((await checkMembership(carol, 'acme', 'ADMIN')).status).toBe('ok');
    await scoped.membership.updateMany({ where: { userId: carol }, data: { role: 'MEMBER' } });
    expect((await checkMembership(carol, 'acme', 'ADMIN')).status).toBe('forbidden');
  });

  it('does not let a cached tenant row stand in for membership', async () => {
    invalidateTenant('globex');
    await loadTenantBySlug('globex'); // warm the tenant cache
    expect((await checkMembership(alice, 'globex')).status).toBe('not-found');
  });

  it('lists only the user’s own tenants, oldest membership first', async () => {
    expect((await listUserTenants(alice)).map((t) => t.slug)).toEqual(['acme']);
    expect((await listUserTenants(carol)).map((t) => t.slug).sort()).toEqual(['acme', 'globex']);
  });
});
