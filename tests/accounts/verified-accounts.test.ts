import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitForgotPassword, submitSignUp } from '@/lib/accounts/requests';
import { requestPasswordReset, resetPassword } from '@/lib/accounts/password-reset';
import { claimUnverifiedAccount, currentSessionVersion, isSessionCurrent } from '@/lib/accounts/session-version';
import { requestSignUp } from '@/lib/accounts/sign-up';
import { hashAccountToken, TOKEN_TTL_MS } from '@/lib/accounts/tokens';
import { verifyEmailWithPassword } from '@/lib/accounts/verify-email';
import { authorizeCredentials } from '@/lib/auth/providers';
import { withoutTenant } from '@/lib/db';
import { acceptInvitation, createInvitation } from '@/lib/invitations/invitations';
import type { InboxMessage } from '@/scripts/dev-inbox.mjs';
import { type MailHarness, startMailHarness } from '../fixtures/mail-harness';
import { seededDbForSuite, tenantId, userId } from './scratch';

/**
 * Verified addresses and password reset against the real database, queue and SMTP server:
 * the invitation bypass and the account pre-hijack of issue 12 fail, reset tokens are single-use
 * and expire, and sign-up / reset answer the same for known and unknown addresses.
 */
const database = seededDbForSuite();
let mail: MailHarness;
const APP = 'https://app.example.test';

beforeAll(async () => {
  // Our own rate-limit keys: with Redis, budgets outlive a run.
  process.env.RATE_LIMIT_PREFIX = `accounts-${randomUUID()}`;
  mail = await startMailHarness(database().url, APP);
});
afterAll(() => mail?.stop());

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const tokenIn = (message: InboxMessage, route: string) => {
  const match = new RegExp(`${APP}/${route}/([A-Za-z0-9_-]{43})`).exec(message.text);
  if (!match?.[1]) throw new Error(`no ${route} link in: ${message.text}`);
  return match[1];
};
const mailTo = (to: string, subject: RegExp) => mail.inbox.waitFor((m) => m.to.includes(to) && subject.test(m.subject));
const userRow = (email: string) => withoutTenant((c) => c.user.findUniqueOrThrow({ where: { email } }));

describe('sign-up sends a verification link', () => {
  it('the account works only after the link is opened with the sign-up password', async () => {
    const email = 'newcomer@example.test';
    expect(await submitSignUp(form({ name: 'New', email, password: 'newcomer-pass' }), '10.0.0.1')).toMatchObject({
      ok: true,
    });
    const message = await mailTo(email, /Confirm your email/);
    expect(await authorizeCredentials({ email, password: 'newcomer-pass' })).toBeNull();

    const token = tokenIn(message, 'verify-email');
    expect(await verifyEmailWithPassword(token, 'wrong-password')).toMatchObject({ ok: false });
    expect(await verifyEmailWithPassword(token, 'newcomer-pass')).toEqual({ ok: true, email });
    expect(await authorizeCredentials({ email, password: 'newcomer-pass' })).not.toBeNull();
    expect(await verifyEmailWithPassword(token, 'newcomer-pass')).toMatchObject({ ok: false }); // single use
  });

  it('answers a known, an unverified and an unknown address identically, and mails a verified one nothing', async () => {
    await requestSignUp({ name: 'Pending', email: 'pending@example.test', password: 'pending-pass' });
    const answers = await Promise.all(
      ['alice@acme.test', 'pending@example.test', 'unknown-signup@example.test'].map((email) =>
        submitSignUp(form({ name: 'X', email, password: 'some-password' }), '10.0.0.2'),
      ),
    );
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[1]).toEqual(answers[2]);
    await mailTo('unknown-signup@example.test', /Confirm/);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(mail.inbox.messages().filter((m) => m.to.includes('alice@acme.test'))).toHaveLength(0);
    // Alice's verified account was not touched.
    expect(await authorizeCredentials({ email: 'alice@acme.test', password: 'password' })).not.toBeNull();
  });
});

describe('the invitation bypass fails', () => {
  it('registering the invited address without verifying it cannot accept the invitation', async () => {
    const acme = await tenantId('acme');
    const invited = 'invited-admin@example.test';
    const invitation = await createInvitation({
      tenantId: acme,
      invitedById: await userId('alice@acme.test'),
      inviterRole: 'OWNER',
      email: invited,
      role: 'ADMIN',
    });
    if (!invitation.ok) throw new Error(invitation.error);
    // The invitee gets the link by email, on APP_URL.
    const sent = await mailTo(invited, /invited to Acme Corp/);
    expect(sent.text).toContain(`${APP}/invite/${invitation.token}`);

    // The attacker holds the link and registers the invited address with a password of their own.
    await requestSignUp({ name: 'Mallory', email: invited, password: 'attacker-pass' });
    const attacker = await userRow(invited);
    expect(attacker.emailVerified).toBeNull();
    expect(await acceptInvitation({ token: invitation.token, userId: attacker.id, userEmail: invited })).toMatchObject({
      ok: false,
      reason: 'unverified',
    });
    expect(await withoutTenant((c) => c.membership.count({ where: { tenantId: acme, userId: attacker.id } }))).toBe(0);
  });
});

describe('the account pre-hijack fails', () => {
  it('a victim clicking the attacker’s verification link does not verify the attacker’s password', async () => {
    const victim = 'victim-click@example.test';
    await requestSignUp({ name: 'Attacker', email: victim, password: 'attacker-pass' });
    const token = tokenIn(await mailTo(victim, /Confirm/), 'verify-email');
    // The victim does not know the attacker's password.
    expect(await verifyEmailWithPassword(token, 'victims-guess')).toMatchObject({ ok: false });
    expect((await userRow(victim)).emailVerified).toBeNull();
    expect(await authorizeCredentials({ email: victim, password: 'attacker-pass' })).toBeNull();
  });

  it('a magic-link sign-in by the owner drops the attacker’s password and ends the attacker’s sessions', async () => {
    const victim = 'victim-magic@example.test';
    await requestSignUp({ name: 'Attacker', email: victim, password: 'attacker-pass' });
    const before = await userRow(victim);
    const attackerClaim = before.sessionVersion;
    expect(await isSessionCurrent(before.id, attackerClaim)).toBe(true);

    // What the Auth.js signIn callback runs when the emailed link is clicked (lib/auth/auth.ts).
    await claimUnverifiedAccount(before.id);
    const after = await userRow(victim);
    expect(after.passwordHash).toBeNull();
    expect(await isSessionCurrent(before.id, attackerClaim)).toBe(false);
    expect(await authorizeCredentials({ email: victim, password: 'attacker-pass' })).toBeNull();

    // A verified account is never claimed: a magic link does not wipe its password.
    const alice = await userRow('alice@acme.test');
    await claimUnverifiedAccount(alice.id);
    expect((await userRow('alice@acme.test')).passwordHash).toBe(alice.passwordHash);
  });
});

describe('password reset', () => {
  it('mails a single-use link; the reset ends older sessions and mails "password changed"', async () => {
    const email = 'bob@globex.test';
    const bob = await userRow(email);
    const oldClaim = bob.sessionVersion;
    expect(await submitForgotPassword(form({ email }), '10.0.0.3')).toMatchObject({ ok: true });
    const token = tokenIn(await mailTo(email, /Reset your password/), 'reset-password');

    const stored = await withoutTenant((c) =>
      c.accountToken.findFirstOrThrow({ where: { userId: bob.id, purpose: 'reset-password' } }),
    );
    expect(stored.tokenHash).toBe(hashAccountToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeLessThanOrEqual(30 * 60 * 1000);

    expect(await resetPassword(token, 'brand-new-password')).toEqual({ ok: true, email });
    expect(await resetPassword(token, 'second-use-password')).toMatchObject({ ok: false });
    expect(await authorizeCredentials({ email, password: 'brand-new-password' })).not.toBeNull();
    expect(await authorizeCredentials({ email, password: 'second-use-password' })).toBeNull();
    expect(await isSessionCurrent(bob.id, oldClaim)).toBe(false);
    expect(await currentSessionVersion(bob.id)).toBe(oldClaim + 1);
    await mailTo(email, /password was changed/);
  });

  it('a reset link expires after 30 minutes', async () => {
    expect(TOKEN_TTL_MS['reset-password']).toBe(30 * 60 * 1000);
    const email = 'carol@both.test';
    const requested = new Date(Date.now() - 31 * 60 * 1000);
    await requestPasswordReset(email, requested);
    const messages = () => mail.inbox.messages().filter((m) => m.to.includes(email) && /Reset/.test(m.subject));
    const message = await mailTo(email, /Reset your password/);
    expect(messages()).toHaveLength(1);
    expect(await resetPassword(tokenIn(message, 'reset-password'), 'too-late-password')).toMatchObject({ ok: false });
    expect(await authorizeCredentials({ email, password: 'password' })).not.toBeNull();
  });

  it('answers the same for a known and an unknown address, mailing only the known one', async () => {
    const known = await submitForgotPassword(form({ email: 'alice@acme.test' }), '10.0.0.4');
    const unknown = await submitForgotPassword(form({ email: 'nobody-here@example.test' }), '10.0.0.4');
    expect(known).toEqual(unknown);
    await mailTo('alice@acme.test', /Reset your password/);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(mail.inbox.messages().some((m) => m.to.includes('nobody-here@example.test'))).toBe(false);
  });

  it('is rate-limited per address', async () => {
    const email = `limited-${Date.now().toString(36)}@example.test`;
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await submitForgotPassword(form({ email }), null));
    expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
    expect(results[5]).toMatchObject({ ok: false, error: expect.stringMatching(/Too many attempts/) });
  });
});
