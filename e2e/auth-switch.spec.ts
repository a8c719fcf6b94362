import { expect, type Page, test } from '@playwright/test';
import { signIn } from './helpers';

/** carol is a MEMBER of acme and globex. Each tenant shows only its own items after a switch. */
async function addItem(page: Page, name: string) {
  await page.getByPlaceholder('New item').fill(name);
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('items').getByText(name, { exact: true })).toBeVisible();
}

const stamp = () => Date.now().toString(36);

/** The organisation switcher is a menu: open it, then pick the organisation. */
async function switchTo(page: Page, slug: string) {
  await page.getByTestId('tenant-switcher').click();
  await page.getByRole('menu').getByTestId(`switch-${slug}`).click();
}

test('carol switches between acme and globex in session mode and sees each one’s own items', async ({ page }) => {
  const base = process.env.E2E_URL_SESSION ?? '';
  const acmeItem = `acme-only ${stamp()}`;
  const globexItem = `globex-only ${stamp()}`;

  await signIn(page, base, 'carol@both.test');
  await page.goto(`${base}/dashboard`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Corp Dashboard');
  await addItem(page, acmeItem);

  await switchTo(page, 'globex');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Globex Dashboard');
  await expect(page.getByTestId('items')).not.toContainText(acmeItem);
  await addItem(page, globexItem);

  await switchTo(page, 'acme');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Corp Dashboard');
  await expect(page.getByTestId('items')).toContainText(acmeItem);
  await expect(page.getByTestId('items')).not.toContainText(globexItem);
});

test('carol switches with the switcher links in path mode', async ({ page }) => {
  const base = process.env.E2E_URL_PATH ?? '';
  await signIn(page, base, 'carol@both.test');
  await page.goto(`${base}/acme/dashboard`);
  await switchTo(page, 'globex');
  await expect(page).toHaveURL(`${base}/globex/dashboard`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Globex Dashboard');
  await switchTo(page, 'acme');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Corp Dashboard');
});

test('an invalid item name shows a field message and adds nothing', async ({ page }) => {
  const base = process.env.E2E_URL_PATH ?? '';
  await signIn(page, base, 'carol@both.test');
  await page.goto(`${base}/acme/dashboard`);
  const before = await page.getByTestId('item').count();
  await page.getByPlaceholder('New item').fill('   ');
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('error-name')).toHaveText('Enter a name');
  await expect(page.getByTestId('item')).toHaveCount(before);
});
