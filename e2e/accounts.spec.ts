import { expect, test } from '@playwright/test';
import { linkIn, signIn, waitForEmail } from './helpers';

/**
 * Issue 12 in the browser, with the emails read from the dev inbox: sign up → verify → onboard,
 * and forgot password → reset → sign in with the new password (the old one no longer works).
 */
const onApex = (link: string) => `http://localhost:${process.env.E2E_PORT_SUBDOMAIN}${new URL(link).pathname}`;

async function signUpAndVerify(page: import('@playwright/test').Page, email: string, password: string) {
  await page.goto(`http://localhost:${process.env.E2E_PORT_SUBDOMAIN}/signup`);
  await page.getByLabel('Name').fill('Nina New');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/Password/).fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('status')).toContainText('Check your email');
  const message = await waitForEmail(email, /Confirm your email/);
  await page.goto(onApex(linkIn(message, '/verify-email/')));
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Confirm and sign in' }).click();
  await expect(page).not.toHaveURL(/\/verify-email\//);
}

test('sign up → verification email → verify → onboard', async ({ page }) => {
  const stamp = Date.now().toString(36);
  await signUpAndVerify(page, `nina-${stamp}@example.test`, 'nina-password-1');
  await expect(page).toHaveURL(/\/onboarding/);
  await page.getByLabel('Organisation name').fill(`Nina Org ${stamp}`);
  await page.getByRole('button', { name: 'Create organisation' }).click();
  // The new organisation's own host (a new subdomain: its session cookie is host-only in development).
  await expect(page).toHaveURL(new RegExp(`nina-org-${stamp}\\.localhost`));
});

test('forgot password → email → reset → sign in with the new password', async ({ page, browser }) => {
  const email = `reset-${Date.now().toString(36)}@example.test`;
  await signUpAndVerify(page, email, 'first-password-1');

  const other = await browser.newContext();
  const visitor = await other.newPage();
  await visitor.goto(`http://localhost:${process.env.E2E_PORT_SUBDOMAIN}/forgot-password`);
  await visitor.getByLabel('Email').fill(email);
  await visitor.getByRole('button', { name: 'Send me a reset link' }).click();
  await expect(visitor.getByRole('status')).toContainText('If an account uses this address');
  const message = await waitForEmail(email, /Reset your password/);
  await visitor.goto(onApex(linkIn(message, '/reset-password/')));
  await visitor.getByLabel(/New password/).fill('second-password-2');
  await visitor.getByRole('button', { name: 'Set the new password' }).click();
  await expect(visitor).not.toHaveURL(/\/reset-password\//);
  await waitForEmail(email, /password was changed/);
  await other.close();

  // The first browser's session was issued before the reset: it is over.
  await page.goto(`http://localhost:${process.env.E2E_PORT_SUBDOMAIN}/onboarding`);
  await expect(page).toHaveURL(/\/login/);

  const fresh = await browser.newContext();
  const again = await fresh.newPage();
  await again.goto(`http://localhost:${process.env.E2E_PORT_SUBDOMAIN}/login`);
  await again.getByLabel('Email').fill(email);
  await again.getByLabel('Password').fill('first-password-1');
  await again.getByRole('button', { name: /sign in/i }).click();
  await expect(again.getByTestId('form-error')).toBeVisible();
  await signIn(again, `http://localhost:${process.env.E2E_PORT_SUBDOMAIN}`, email, 'second-password-2');
  await fresh.close();
});
