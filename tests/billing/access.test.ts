import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { type ActionRequest, FORBIDDEN_MESSAGE, runTenantAction } from '@/lib/actions/run-tenant-action';
import { requiredRole } from '@/lib/auth/permissions';
import {
  changePlanAction,
  localCheckoutPaidAction,
  localPortalAction,
  openPortalAction,
  startCheckoutAction,
} from '@/lib/billing/actions';
import { signLocalSession } from '@/lib/billing/local-session';
import { withoutTenant } from '@/lib/db';
import { resetRateLimiters } from '@/lib/rate-limit';
import { saveSettingsAction } from '@/lib/settings/actions';
import { loadTenantBySlug } from '@/lib/tenants/tenant-store';
import { addMember, makeUser, seededDbForSuite, tenantId } from '../accounts/scratch';
import { billingSnapshot, entitlements } from './helpers';

/**
 * Billing is the owner's: a member or an admin is refused by every billing action, and the plan
 * cannot be changed from the settings form or its action. (The pages' 403 over HTTP:
 * tests/billing/webhook-http.test.ts.)
 */
seededDbForSuite();

beforeEach(() => {
  process.env.RATE_LIMIT_PREFIX = `test-${randomUUID()}`;
  delete process.env.REDIS_URL;
  resetRateLimiters();
});

async function sessionUser(email: string) {
  return withoutTenant((c) =>
    c.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, image: true } }),
  );
}

describe('billing access', () => {
  it('is OWNER only in the permission table', () => {
    expect(requiredRole('billing.manage')).toBe('OWNER');
  });

  it('refuses every billing action to a member and to an admin, changing nothing', async () => {
    const acme = await loadTenantBySlug('acme');
    const acmeId = await tenantId('acme');
    const admin = await makeUser('admin');
    await addMember(acmeId, admin.id, 'ADMIN');
    const carol = await sessionUser('carol@both.test');
    const adminUser = await sessionUser(admin.email);
    const before = await billingSnapshot(acmeId);
    const checkoutToken = signLocalSession({ kind: 'checkout', tenantId: acmeId, plan: 'enterprise', seats: 50 });
    const portalToken = signLocalSession({ kind: 'portal', tenantId: acmeId });

    // One call per action, each typed with its own input schema.
    const attempts: ((request: ActionRequest) => Promise<{ state: unknown }>)[] = [
      (r) => runTenantAction(startCheckoutAction.def, startCheckoutAction.body, { plan: 'pro', seats: '10' }, r),
      (r) => runTenantAction(changePlanAction.def, changePlanAction.body, { plan: 'enterprise', seats: '10' }, r),
      (r) => runTenantAction(openPortalAction.def, openPortalAction.body, {}, r),
      (r) => runTenantAction(localCheckoutPaidAction.def, localCheckoutPaidAction.body, { session: checkoutToken }, r),
      (r) => runTenantAction(localPortalAction.def, localPortalAction.body, { session: portalToken, op: 'cancel' }, r),
    ];
    for (const user of [carol, adminUser]) {
      for (const attempt of attempts) {
        const { state } = await attempt({ user, tenant: acme, ip: null });
        expect(state).toEqual({ ok: false, error: FORBIDDEN_MESSAGE });
      }
    }
    expect(await billingSnapshot(acmeId)).toEqual(before);
    expect((await entitlements(acmeId)).plan).toBe('free');
  });

  it('an owner’s local checkout token for acme does nothing on globex', async () => {
    const acmeId = await tenantId('acme');
    const globex = await loadTenantBySlug('globex');
    const bob = await sessionUser('bob@globex.test');
    const token = signLocalSession({ kind: 'checkout', tenantId: acmeId, plan: 'pro', seats: 10 });
    const { state } = await runTenantAction(
      localCheckoutPaidAction.def,
      localCheckoutPaidAction.body,
      { session: token },
      { user: bob, tenant: globex, ip: null },
    );
    expect(state).toMatchObject({ ok: false, error: expect.stringMatching(/not valid/) });
    expect((await entitlements(acmeId)).plan).toBe('free');
    expect((await entitlements(globex?.id ?? '')).plan).toBe('free');
  });
});

describe('the plan is not a setting', () => {
  it('the settings action drops a plan sent with the form: entitlements and the settings column keep none', async () => {
    const acme = await loadTenantBySlug('acme');
    const acmeId = await tenantId('acme');
    const alice = await sessionUser('alice@acme.test');
    const input = { name: 'Acme Corp', theme: 'dark', features: ['items'], plan: 'enterprise' };
    // The action's schema has no plan: it never reaches the body.
    expect(saveSettingsAction.def.schema.parse(input)).not.toHaveProperty('plan');
    // The body runs (the theme is saved); outside a Next request its closing revalidatePath throws,
    // which is why the state is not asserted here.
    await runTenantAction(saveSettingsAction.def, saveSettingsAction.body, input, {
      user: alice,
      tenant: acme,
      ip: null,
    });
    const row = await withoutTenant((c) =>
      c.tenant.findUniqueOrThrow({ where: { id: acmeId }, select: { settings: true } }),
    );
    expect(row.settings).toMatchObject({ theme: 'dark' });
    expect(row.settings).not.toHaveProperty('plan');
    expect((await entitlements(acmeId)).plan).toBe('free');
    await withoutTenant((c) => c.tenant.update({ where: { id: acmeId }, data: { settings: {} } }));
  });

  it('a plan written into the settings column by hand grants nothing', async () => {
    const tenant = await makeUser('x').then(() => tenantId('globex'));
    await withoutTenant((c) => c.tenant.update({ where: { id: tenant }, data: { settings: { plan: 'enterprise' } } }));
    expect((await entitlements(tenant)).plan).toBe('free');
    await withoutTenant((c) => c.tenant.update({ where: { id: tenant }, data: { settings: {} } }));
  });
});
