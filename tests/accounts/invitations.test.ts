import { beforeAll, describe, expect, it } from 'vitest';
import { withoutTenant } from '@/lib/db';
import {
  acceptInvitation,
  createInvitation,
  INVITATION_MESSAGES,
  previewInvitation,
} from '@/lib/invitations/invitations';
import { invitedEmailFromNext } from '@/lib/invitations/invited-email';
import { hashInvitationToken, INVITATION_TTL_MS } from '@/lib/invitations/token';
import { deliver, subscriptionEvent, subscriptionFor } from '../billing/helpers';
import { makeUser, roleOf, tenantId, userId, seededDbForSuite } from './scratch';

seededDbForSuite();

// This suite admits more people into acme than the Free plan's 5 seats: acme subscribes to Pro
// with 50 seats first (a signed webhook event). Seat limits: tests/billing/seats.test.ts.
beforeAll(async () => {
  await deliver(subscriptionEvent('created', subscriptionFor(await tenantId('acme'), { seats: 50 }), new Date()));
});

const DAY = 24 * 60 * 60 * 1000;

async function invite(email: string, role: 'OWNER' | 'ADMIN' | 'MEMBER' = 'MEMBER', now = new Date()) {
  const result = await createInvitation({
    tenantId: await tenantId('acme'),
    invitedById: await userId('alice@acme.test'),
    inviterRole: 'OWNER',
    email,
    role,
    now,
  });
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('creating an invitation', () => {
  it('stores only the hash of the token, and expires in 7 days', async () => {
    const now = new Date();
    const { token, invitation } = await invite('stored@example.test', 'MEMBER', now);
    const row = await withoutTenant((c) => c.invitation.findUniqueOrThrow({ where: { id: invitation.id } }));
    expect(row.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - now.getTime()).toBe(INVITATION_TTL_MS);
    expect(INVITATION_TTL_MS).toBe(7 * DAY);
  });

  it('refuses to invite with a role above the inviter’s own', async () => {
    const result = await createInvitation({
      tenantId: await tenantId('acme'),
      invitedById: await userId('carol@both.test'),
      inviterRole: 'ADMIN',
      email: 'wannabe@example.test',
      role: 'OWNER',
    });
    expect(result).toMatchObject({ ok: false, field: 'role' });
    const rows = await withoutTenant((c) => c.invitation.count({ where: { email: 'wannabe@example.test' } }));
    expect(rows).toBe(0);
  });

  it('refuses to invite someone who is already a member', async () => {
    const result = await createInvitation({
      tenantId: await tenantId('acme'),
      invitedById: await userId('alice@acme.test'),
      inviterRole: 'OWNER',
      email: 'Carol@Both.test',
      role: 'MEMBER',
    });
    expect(result).toMatchObject({ ok: false, field: 'email' });
  });

  it('replaces an open invitation for the same address: the old link stops working', async () => {
    const first = await invite('twice@example.test');
    const second = await invite('twice@example.test');
    const user = await withoutTenant((c) =>
      c.user.create({ data: { email: 'twice@example.test', emailVerified: new Date() }, select: { id: true } }),
    );
    expect(
      await acceptInvitation({ token: first.token, userId: user.id, userEmail: 'twice@example.test' }),
    ).toMatchObject({ ok: false, reason: 'invalid' });
    expect(
      await acceptInvitation({ token: second.token, userId: user.id, userEmail: 'twice@example.test' }),
    ).toMatchObject({ ok: true });
  });
});

describe('accepting an invitation', () => {
  it('makes the invited user a member of the inviting tenant only, with the invited role, and audits it', async () => {
    const user = await makeUser('invitee');
    const { token } = await invite(user.email, 'ADMIN');
    const result = await acceptInvitation({ token, userId: user.id, userEmail: user.email });
    expect(result).toMatchObject({ ok: true, tenant: { slug: 'acme' }, role: 'ADMIN' });
    expect(await roleOf(await tenantId('acme'), user.id)).toBe('ADMIN');
    expect(await roleOf(await tenantId('globex'), user.id)).toBeNull();
    const audit = await withoutTenant((c) =>
      c.auditLog.count({ where: { action: 'invitations.accept', userId: user.id } }),
    );
    expect(audit).toBe(1);
  });

  it('matches the email without regard to case or surrounding spaces', async () => {
    const user = await makeUser('casey');
    const { token } = await invite(user.email.toUpperCase());
    const result = await acceptInvitation({ token, userId: user.id, userEmail: ` ${user.email.toUpperCase()} ` });
    expect(result.ok).toBe(true);
  });

  it('refuses a reused invitation', async () => {
    const user = await makeUser('reuser');
    const { token } = await invite(user.email);
    expect((await acceptInvitation({ token, userId: user.id, userEmail: user.email })).ok).toBe(true);
    const again = await acceptInvitation({ token, userId: user.id, userEmail: user.email });
    expect(again).toEqual({ ok: false, reason: 'used', message: INVITATION_MESSAGES.used });
    expect((await previewInvitation(token)).ok).toBe(false);
  });

  it('lets only one of two simultaneous accepts of the same link through', async () => {
    const user = await makeUser('racer');
    const { token } = await invite(user.email);
    const results = await Promise.all([
      acceptInvitation({ token, userId: user.id, userEmail: user.email }),
      acceptInvitation({ token, userId: user.id, userEmail: user.email }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ reason: 'used' });
  });

  it('refuses an expired invitation and adds no membership', async () => {
    const user = await makeUser('late');
    const { token } = await invite(user.email, 'MEMBER', new Date(Date.now() - 8 * DAY));
    const result = await acceptInvitation({ token, userId: user.id, userEmail: user.email });
    expect(result).toEqual({ ok: false, reason: 'expired', message: INVITATION_MESSAGES.expired });
    expect(await roleOf(await tenantId('acme'), user.id)).toBeNull();
  });

  it('accepts an invitation just before it expires, and refuses it just after', async () => {
    const user = await makeUser('edge');
    const now = new Date();
    const { token } = await invite(user.email, 'MEMBER', now);
    const after = new Date(now.getTime() + INVITATION_TTL_MS + 1);
    expect(await acceptInvitation({ token, userId: user.id, userEmail: user.email, now: after })).toMatchObject({
      reason: 'expired',
    });
    const before = new Date(now.getTime() + INVITATION_TTL_MS - 1000);
    expect(await acceptInvitation({ token, userId: user.id, userEmail: user.email, now: before })).toMatchObject({
      ok: true,
    });
  });

  it('refuses an invitation accepted by someone signed in as another email', async () => {
    const invited = await makeUser('rightful');
    const other = await makeUser('interloper');
    const { token } = await invite(invited.email);
    const result = await acceptInvitation({ token, userId: other.id, userEmail: other.email });
    expect(result).toEqual({ ok: false, reason: 'wrong-email', message: INVITATION_MESSAGES['wrong-email'] });
    expect(await roleOf(await tenantId('acme'), other.id)).toBeNull();
    // The refusal did not burn the invitation: the rightful invitee can still accept.
    expect((await acceptInvitation({ token, userId: invited.id, userEmail: invited.email })).ok).toBe(true);
  });

  it('refuses unknown and malformed tokens', async () => {
    const user = await makeUser();
    for (const token of ['nope', '', null, 'A'.repeat(43), '../../etc/passwd']) {
      expect(await acceptInvitation({ token, userId: user.id, userEmail: user.email })).toMatchObject({
        ok: false,
        reason: 'invalid',
      });
    }
  });

  it('never changes the role of someone who is already a member', async () => {
    const user = await makeUser('already');
    const { token } = await invite(user.email, 'ADMIN');
    await withoutTenant(async (c) =>
      c.membership.create({
        data: { tenantId: await tenantId('acme'), userId: user.id, role: 'MEMBER' },
        select: { id: true },
      }),
    );
    const result = await acceptInvitation({ token, userId: user.id, userEmail: user.email });
    expect(result).toMatchObject({ ok: true, role: 'MEMBER' });
    expect(await roleOf(await tenantId('acme'), user.id)).toBe('MEMBER');
  });
});

describe('signing up from an invitation', () => {
  it('prefills the invited address only for an open invitation named by next=/invite/<token>', async () => {
    const { token } = await invite('prefill@example.test');
    expect(await invitedEmailFromNext(`/invite/${encodeURIComponent(token)}`)).toBe('prefill@example.test');
    expect(await invitedEmailFromNext('/invite/not-a-real-token')).toBeUndefined();
    expect(await invitedEmailFromNext(`/elsewhere/${token}`)).toBeUndefined();
    expect(await invitedEmailFromNext(`/invite/${token}/extra`)).toBeUndefined();
    expect(await invitedEmailFromNext('/invite/%E0%A4%A')).toBeUndefined();
    expect(await invitedEmailFromNext(undefined)).toBeUndefined();
  });
});
