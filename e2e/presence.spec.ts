import { type Browser, expect, type Page, test } from '@playwright/test';
import { signIn, subdomainUrl } from './helpers';

async function openDocument(browser: Browser, slug: string, email: string, title: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, subdomainUrl(slug), email);
  await page.goto(subdomainUrl(slug, '/dashboard'));
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByTestId('presence')).toHaveAttribute('data-status', 'connected');
  return page;
}

function viewers(page: Page) {
  return page.getByTestId('presence-user');
}

test('alice and carol on acme’s document see each other live; bob on globex sees neither', async ({ browser }) => {
  const alice = await openDocument(browser, 'acme', 'alice@acme.test', 'Acme Launch Plan');
  const carol = await openDocument(browser, 'acme', 'carol@both.test', 'Acme Launch Plan');
  const bob = await openDocument(browser, 'globex', 'bob@globex.test', 'Globex Master Plan');

  // Each acme viewer sees both acme users, live (carol arrived after alice's page loaded).
  for (const page of [alice, carol]) {
    await expect(viewers(page)).toHaveCount(2);
    await expect(page.locator('[data-testid="presence-user"][data-name="Alice"]')).toHaveCount(1);
    await expect(page.locator('[data-testid="presence-user"][data-name="Carol"]')).toHaveCount(1);
    await expect(page.getByTestId('presence-count')).toContainText('2');
  }

  // Bob, in another tenant, sees only himself — not in the list, not in the count.
  await expect(viewers(bob)).toHaveCount(1);
  await expect(bob.locator('[data-testid="presence-user"][data-name="Bob"]')).toHaveCount(1);
  await expect(bob.getByTestId('presence-count')).not.toContainText('2');
  await expect(bob.locator('[data-name="Alice"], [data-name="Carol"]')).toHaveCount(0);

  // When carol leaves, alice sees it; bob never saw her.
  await carol.context().close();
  await expect(viewers(alice)).toHaveCount(1);
  await expect(alice.locator('[data-name="Bob"]')).toHaveCount(0);
  await expect(viewers(bob)).toHaveCount(1);

  await alice.context().close();
  await bob.context().close();
});
