import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ActionRequest, runTenantAction } from '@/lib/actions/run-tenant-action';
import { changePlanAction, startCheckoutAction } from '@/lib/billing/actions';
import { seatsUsed } from '@/lib/billing/subscription';
import { forTenant, withoutTenant } from '@/lib/db';
import { acceptInvitation, createInvitation } from '@/lib/invitations/invitations';
import { resetRateLimiters } from '@/lib/rate-limit';
import { loadTenantBySlug } from '@/lib/tenants/tenant-store';
import { addMember, makeUser, seededDbForSuite } from '../accounts/scratch';
import { deliver, entitlements, freshTenant, subscriptionEvent, subscriptionFor } from './helpers';

/**
 * Seats: the plan's limit holds for invitations and for accepts, also under concurrency, and no
 * downgrade goes below the members a tenant has.
 */
seededDbForSuite();

beforeEach(() => {
  process.env.RATE_LIMIT_PREFIX = `test-${randomUUID()}`;
  delete process.env.REDIS_URL;
  resetRateLimiters();
});
afterEach(() => resetRateLimiters());

async function invite(tenantId: string, ownerId: string) {
  const user = await makeUser('joiner');
  const result = await createInvitation({
    tenantId,
    invitedById: ownerId,
    inviterRole: 'OWNER',
    email: user.email,
    role: 'MEMBER',
  });
  if (!result.ok) throw new Error(result.error);
  return { user, token: result.token };
}

async function ownerRequest(slug: string, ownerId: string): Promise<ActionRequest> {
  const tenant = await loadTenantBySlug(slug);
  const user = await withoutTenant((c) =>
    c.user.findUniqueOrThrow({ where: { id: ownerId }, select: { id: true, email: true, name: true, image: true } }),
  );
  return { user, tenant, ip: null };
}

describe('seat limits', () => {
  it('20 concurrent accepts at the limit admit exactly the limit', async () => {
    const tenant = await freshTenant('seats');
    // Pro with 8 seats; the owner holds one, so 7 of the 20 invitees get in.
    await deliver(subscriptionEvent('created', subscriptionFor(tenant.id, { seats: 8 }), new Date()));
    expect((await entitlements(tenant.id)).seatLimit).toBe(8);
    const invitations = [];
    for (let i = 0; i < 20; i++) invitations.push(await invite(tenant.id, tenant.ownerId));

    const results = await Promise.all(
      invitations.map(({ user, token }) => acceptInvitation({ token, userId: user.id, userEmail: user.email })),
    );
    const admitted = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(admitted).toHaveLength(7);
    expect(refused).toHaveLength(13);
    for (const r of refused) expect(r).toMatchObject({ ok: false, reason: 'seats' });
    expect(refused[0]).toMatchObject({ message: expect.stringMatching(/add seats on the Billing page/) });
    expect(await seatsUsed(tenant.id)).toBe(8);
    // A refused invitation stays open: once seats are added, the same link works.
    const unused = await forTenant(tenant.id).invitation.count({ where: { acceptedAt: null } });
    expect(unused).toBe(13);
  });

  it('refuses an invitation when every seat is taken, saying how to add seats', async () => {
    const tenant = await freshTenant('full');
    for (let i = 0; i < 4; i++) await addMember(tenant.id, (await makeUser('m')).id, 'MEMBER');
    expect(await seatsUsed(tenant.id)).toBe(5); // the free plan's limit
    const user = await makeUser('late');
    const result = await createInvitation({
      tenantId: tenant.id,
      invitedById: tenant.ownerId,
      inviterRole: 'OWNER',
      email: user.email,
      role: 'MEMBER',
    });
    expect(result).toMatchObject({ ok: false, field: 'email', error: expect.stringMatching(/Billing page/) });
  });

  it('refuses a downgrade or a seat count below the current members', async () => {
    const tenant = await freshTenant('down');
    for (let i = 0; i < 6; i++) await addMember(tenant.id, (await makeUser('m')).id, 'MEMBER');
    const s = subscriptionFor(tenant.id, { seats: 10 });
    await deliver(subscriptionEvent('created', s, new Date()));
    const request = await ownerRequest(tenant.slug, tenant.ownerId);

    const toFree = await runTenantAction(changePlanAction.def, changePlanAction.body, { plan: 'free' }, request);
    expect(toFree.state).toMatchObject({
      ok: false,
      error: expect.stringMatching(/7 members; the Free plan allows 5/),
    });
    const fewer = await runTenantAction(
      changePlanAction.def,
      changePlanAction.body,
      { plan: 'pro', seats: '6' },
      request,
    );
    expect(fewer.state).toMatchObject({ ok: false, error: expect.stringMatching(/at least 7 seats/) });
    expect(await entitlements(tenant.id)).toMatchObject({ plan: 'pro', seatLimit: 10 });

    // A new checkout below usage is refused the same way (after cancelling).
    await deliver(subscriptionEvent('deleted', { ...s, status: 'canceled' }, new Date(Date.now() + 1000)));
    const checkout = await runTenantAction(
      startCheckoutAction.def,
      startCheckoutAction.body,
      { plan: 'pro', seats: '3' },
      request,
    );
    expect(checkout.state).toMatchObject({ ok: false, error: expect.stringMatching(/at least 7 seats/) });
  });
});
