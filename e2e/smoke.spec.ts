import { expect, test } from '@playwright/test';
import { signIn, subdomainUrl } from './helpers';

test('acme.localhost serves acme’s dashboard with its theme and items', async ({ page }) => {
  await signIn(page, subdomainUrl('acme'), 'alice@acme.test');
  await page.goto(subdomainUrl('acme', '/dashboard'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Corp Dashboard');
  // acme's theme setting is dark; next-themes puts the class on <html>.
  await expect(page.locator('body')).toHaveAttribute('data-tenant-theme', 'dark');
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await expect(page.getByText('Acme Anvil')).toBeVisible();
  await expect(page.getByText('Globex')).toHaveCount(0);
});
