import { expect, test } from '@playwright/test';
import { E2E_OPERATOR, signIn } from './helpers';

/**
 * The operator console in path mode (one host for /admin and /<tenant>/…): an operator suspends
 * globex (bob sees the suspended page), unsuspends it, views acme as carol (the banner shows, a
 * write is refused) and exports acme.
 */
const base = () => process.env.E2E_URL_PATH ?? '';

test('a non-operator gets a 404 from the console', async ({ page }) => {
  await signIn(page, base(), 'bob@globex.test');
  expect((await page.goto(`${base()}/admin`))?.status()).toBe(404);
  expect((await page.goto(`${base()}/admin/tenants/acme`))?.status()).toBe(404);
  expect((await page.request.get(`${base()}/admin/tenants/acme/export`)).status()).toBe(404);
});

test('suspend, unsuspend, impersonate and export', async ({ browser }) => {
  const ops = await browser.newPage();
  const bob = await browser.newPage();
  await signIn(ops, base(), E2E_OPERATOR);
  await signIn(bob, base(), 'bob@globex.test');

  // Suspend globex: bob's pages become the suspended page; nothing is lost.
  await ops.goto(`${base()}/admin/tenants/globex`);
  const suspend = ops.getByTestId('suspend');
  await suspend.getByLabel('Reason').fill('e2e: unpaid invoice');
  await suspend.getByRole('button', { name: 'Suspend' }).click();
  await expect(ops.getByTestId('tenant-status')).toContainText('suspended');
  await bob.goto(`${base()}/globex/dashboard`);
  await expect(bob.getByTestId('suspended')).toContainText('suspended');
  await expect(bob).toHaveURL(/\/globex\/suspended$/);

  // Unsuspend: bob's dashboard is back, with its items.
  await ops.getByTestId('unsuspend').getByRole('button', { name: 'Unsuspend' }).click();
  await expect(ops.getByTestId('tenant-status')).toHaveText('active');
  await bob.goto(`${base()}/globex/dashboard`);
  await expect(bob.locator('body')).toContainText('Globex Hammock');

  // View acme as carol: the banner shows and a write is refused.
  await ops.goto(`${base()}/admin/tenants/acme`);
  const form = ops.getByTestId('impersonate');
  await form.getByLabel('Member').selectOption({ label: 'carol@both.test (member)' });
  await form.getByLabel(/Reason/).fill('e2e: support ticket 42');
  await form.getByRole('button', { name: /View as member/ }).click();
  await expect(ops).toHaveURL(/\/acme\/dashboard$/);
  await expect(ops.getByTestId('impersonation-banner')).toContainText('viewing as carol@both.test');
  await expect(ops.getByTestId('impersonation-banner')).toContainText('read-only');
  await ops.getByLabel('New item name').fill('Written by an operator');
  await ops.getByRole('button', { name: 'Add' }).click();
  await expect(ops.getByTestId('add-item')).toContainText('Read-only impersonation');
  await ops.getByRole('button', { name: 'Stop impersonating' }).click();
  await expect(ops).toHaveURL(/\/admin$/);

  // Export acme: a zip with a manifest.
  await ops.goto(`${base()}/admin/tenants/acme`);
  const download = ops.waitForEvent('download');
  await ops.getByTestId('export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^acme-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = await (await file.createReadStream()).toArray();
  const bytes = Buffer.concat(zip as Buffer[]);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  expect(bytes.includes(Buffer.from('manifest.json'))).toBe(true);
});
