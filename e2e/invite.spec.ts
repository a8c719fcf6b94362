import { expect, test } from '@playwright/test';
import { linkIn, signIn, subdomainUrl, waitForEmail } from './helpers';

/**
 * Issues 3 and 12: an owner invites a new address; the invitee receives the invitation by email,
 * signs up, confirms the address from the verification email, accepts, and appears in the member
 * list. The link is single-use: opening it again says so. Emailed links point at APP_URL (the apex
 * host); the invitee opens their paths on acme.localhost, where the session cookie lives
 * (host-only cookies in development; AUTH_COOKIE_DOMAIN shares them in production).
 */
const onAcme = (link: string) => subdomainUrl('acme', new URL(link).pathname);

test('an owner invites a new address, who gets the email, signs up, verifies, accepts and appears among the members', async ({
  page,
  browser,
}) => {
  const email = `invitee-${Date.now().toString(36)}@example.test`;

  await signIn(page, subdomainUrl('acme'), 'alice@acme.test');
  await page.goto(subdomainUrl('acme', '/members'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Members');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption('MEMBER');
  await page.getByRole('button', { name: 'Invite' }).click();
  const shown = (await page.getByTestId('invite-link').textContent())?.trim() ?? '';
  expect(shown).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId('invitations')).toContainText(email);

  const invitation = await waitForEmail(email, /invited to Acme Corp/);
  const link = linkIn(invitation, '/invite/');
  expect(new URL(link).pathname).toBe(new URL(shown).pathname);

  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await invitee.goto(onAcme(link));
  await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('Join Acme Corp');
  await invitee.getByTestId('invite-sign-up').click();
  await invitee.getByLabel('Name').fill('Ivy Invitee');
  await invitee.getByLabel('Email').fill(email);
  await invitee.getByLabel(/Password/).fill('correct horse battery');
  await invitee.getByRole('button', { name: 'Create account' }).click();
  await expect(invitee.getByRole('status')).toContainText('Check your email');

  const verification = await waitForEmail(email, /Confirm your email/);
  await invitee.goto(onAcme(linkIn(verification, '/verify-email/')));
  await invitee.getByLabel('Password').fill('correct horse battery');
  await invitee.getByRole('button', { name: 'Confirm and sign in' }).click();
  await expect(invitee).not.toHaveURL(/\/verify-email\//);

  await invitee.goto(onAcme(link));
  await invitee.getByRole('button', { name: 'Join Acme Corp' }).click();
  await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('Acme Corp Dashboard');
  await waitForEmail(email, /Welcome to Acme Corp/);

  await invitee.goto(onAcme(link));
  await expect(invitee.getByTestId('invite-error')).toContainText('already been used');
  await inviteeContext.close();

  await page.goto(subdomainUrl('acme', '/members'));
  const row = page.getByTestId('member-row').filter({ hasText: email });
  await expect(row.getByTestId('member-role')).toHaveText('Member');
});

test('an invitation opened while signed in as someone else cannot be accepted', async ({ page, browser }) => {
  const email = `other-${Date.now().toString(36)}@example.test`;
  await signIn(page, subdomainUrl('acme'), 'alice@acme.test');
  await page.goto(subdomainUrl('acme', '/members'));
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Invite' }).click();
  const link = (await page.getByTestId('invite-link').textContent())?.trim() ?? '';

  const bobContext = await browser.newContext();
  const bob = await bobContext.newPage();
  // Sign in on the invitation's host — the configured origin (APP_URL), never the inviter's host.
  await signIn(bob, new URL(link).origin, 'bob@globex.test');
  await bob.goto(link);
  await expect(bob.getByTestId('invite-wrong-user')).toContainText(email);
  await expect(bob.getByRole('button', { name: /^Join/ })).toHaveCount(0);
  await bobContext.close();
});
