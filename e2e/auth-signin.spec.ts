import { expect, test } from '@playwright/test';
import { signIn, subdomainUrl } from './helpers';

test.describe('sign in', () => {
  test('alice signs in on acme’s host and sees acme', async ({ page }) => {
    await signIn(page, subdomainUrl('acme'), 'alice@acme.test');
    await expect(page).toHaveURL(subdomainUrl('acme', '/dashboard'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Corp Dashboard');
    await page.getByTestId('user-menu').click();
    await expect(page.getByTestId('user-email')).toHaveText('alice@acme.test');
  });

  test('a signed-out visitor is sent to the login page and back to where they were going', async ({ page }) => {
    await page.goto(`${process.env.E2E_URL_PATH}/acme/dashboard`);
    await expect(page).toHaveURL(/\/login\?next=/);
    await page.getByLabel('Email').fill('alice@acme.test');
    await page.getByLabel('Password').fill('password');
    await page.getByRole('button', { name: /sign in/i }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Corp Dashboard');
  });

  test('a wrong password shows an inline error and no session', async ({ page }) => {
    await page.goto(`${process.env.E2E_URL_PATH}/login`);
    await page.getByLabel('Email').fill('alice@acme.test');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: /sign in/i }).click();
    await expect(page.getByTestId('form-error')).toHaveText('Wrong email or password');
    const res = await page.goto(`${process.env.E2E_URL_PATH}/acme/dashboard`);
    expect(page.url()).toContain('/login');
    expect(res?.ok()).toBe(true);
  });

  test('sign out ends the session', async ({ page }) => {
    const base = process.env.E2E_URL_PATH ?? '';
    await signIn(page, base, 'alice@acme.test');
    await page.goto(`${base}/acme/dashboard`);
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto(`${base}/acme/dashboard`);
    await expect(page).toHaveURL(/\/login\?next=/);
  });
});
