import { expect, test } from '@playwright/test';
import { signIn, subdomainUrl } from './helpers';

/**
 * Issue 13: the owner of acme upgrades to Pro through the local provider's checkout; the signed
 * events go through the real webhook route's receiver, and the seat limit and features change on
 * the next page. Globex, signed in as its owner in another browser context, is unaffected.
 */
test('an owner upgrades acme to Pro with the local provider; globex is unaffected', async ({ page, browser }) => {
  await signIn(page, subdomainUrl('acme'), 'alice@acme.test');
  await page.goto(subdomainUrl('acme', '/billing'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Billing');
  await expect(page.getByTestId('billing-plan')).toHaveText('Free');
  await expect(page.getByTestId('billing-seats')).toHaveText(/\/ 5$/);
  await expect(page.getByTestId('feature-customDomains')).toContainText('off');

  const checkout = page.getByTestId('billing-checkout');
  await checkout.getByLabel('Plan').selectOption('pro');
  await checkout.getByLabel('Seats').fill('12');
  await checkout.getByRole('button', { name: 'Upgrade' }).click();

  await expect(page).toHaveURL(/\/billing\/checkout\//);
  await expect(page.getByTestId('checkout-summary')).toContainText('Pro, 12 seats');
  await page.getByRole('button', { name: 'Pay' }).click();

  await expect(page).toHaveURL(/\/billing$/);
  await expect(page.getByTestId('billing-plan')).toHaveText('Pro');
  await expect(page.getByTestId('billing-status')).toHaveText('trialing');
  await expect(page.getByTestId('billing-seats')).toHaveText(/\/ 12$/);
  await expect(page.getByTestId('billing-trial')).toContainText('14 days left');
  await expect(page.getByTestId('feature-customDomains')).toContainText('on');
  await expect(page.getByTestId('billing-invoices')).toBeVisible();

  const globexContext = await browser.newContext();
  const globex = await globexContext.newPage();
  await signIn(globex, subdomainUrl('globex'), 'bob@globex.test');
  await globex.goto(subdomainUrl('globex', '/billing'));
  await expect(globex.getByTestId('billing-plan')).toHaveText('Free');
  await expect(globex.getByTestId('billing-seats')).toHaveText(/\/ 5$/);
  await expect(globex.getByTestId('feature-customDomains')).toContainText('off');
  await globexContext.close();
});

test('a member of acme cannot open the Billing page', async ({ page }) => {
  await signIn(page, subdomainUrl('acme'), 'carol@both.test');
  const response = await page.goto(subdomainUrl('acme', '/billing'));
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('link', { name: 'Billing' })).toHaveCount(0);
});
