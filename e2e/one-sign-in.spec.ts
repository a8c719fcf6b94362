import { expect, type Page, test } from '@playwright/test';
import { subdomainUrl } from './helpers';

/**
 * One sign-in across tenant hosts (issue 10, finding 1). On main each of these steps ended on
 * `<slug>.localhost/login`: the session cookie was set per host. `*.localhost` shares no cookie
 * (browsers refuse `Domain=localhost`), so this exercises the handoff, not a shared cookie.
 */
const port = () => process.env.E2E_PORT_SUBDOMAIN ?? '';
const apex = (pathname = '/') => `http://localhost:${port()}${pathname}`;

/** Records every sign-in FORM the page shows (the silent apex check is a redirect, not a page). */
function watchForSignInForms(page: Page): string[] {
  const forms: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && new URL(frame.url()).pathname === '/login') forms.push(frame.url());
  });
  return forms;
}

/** The sign-in links mailed to `email`, as the dev inbox holds them (the worker sends them). */
async function magicLinksFor(email: string): Promise<string[]> {
  const res = await fetch(`${process.env.E2E_INBOX_URL}/messages.json`);
  const messages = (await res.json()) as { to: string[]; subject: string; text: string }[];
  return messages
    .filter((m) => m.to.includes(email) && /sign-in link/i.test(m.subject))
    .map((m) => /https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/.exec(m.text)?.[0] ?? '')
    .filter(Boolean);
}

/** The organisation switcher is a menu: open it, then pick the organisation. */
async function switchTo(page: Page, slug: string) {
  await page.getByTestId('tenant-switcher').click();
  await page.getByRole('menu').getByTestId(`switch-${slug}`).click();
}

test('carol signs in once at the apex and is signed in on acme and globex, by link and by switcher', async ({
  page,
}) => {
  await page.goto(apex('/login'));
  await page.getByLabel('Email').fill('carol@both.test');
  await page.getByLabel('Password').fill('password');
  await page.getByRole('button', { name: /sign in/i }).click();

  // Landed on her first tenant's own host, signed in there. From here on: no sign-in form at all.
  await expect(page).toHaveURL(new RegExp(`^http://(acme|globex)\\.localhost:${port()}/dashboard$`));
  const forms = watchForSignInForms(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Dashboard$/);

  // Both tenants open directly, whichever host got the first cookie.
  await page.goto(subdomainUrl('acme', '/dashboard'));
  await expect(page).toHaveURL(subdomainUrl('acme', '/dashboard'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Corp Dashboard');
  await page.goto(subdomainUrl('globex', '/documents'));
  await expect(page).toHaveURL(subdomainUrl('globex', '/documents'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Documents');

  // The switcher, both ways.
  await page.goto(subdomainUrl('globex', '/dashboard'));
  await switchTo(page, 'acme');
  await expect(page).toHaveURL(subdomainUrl('acme', '/dashboard'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Corp Dashboard');
  await switchTo(page, 'globex');
  await expect(page).toHaveURL(subdomainUrl('globex', '/dashboard'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Globex Dashboard');

  expect(forms).toEqual([]);
});

test('a magic link asked for on acme with next=/documents lands there, signed in', async ({ page }) => {
  const email = 'carol@both.test';
  const before = new Set(await magicLinksFor(email));
  await page.goto(subdomainUrl('acme', '/login?next=%2Fdocuments'));
  // Signed out at the apex too, so the form shows (once), on acme.
  await expect(page).toHaveURL(new RegExp(`^http://acme\\.localhost:${port()}/login\\?`));
  await page.getByLabel('Address for a one-time link').fill(email);
  await page.getByRole('button', { name: 'Email me a link' }).click();
  await expect(page.getByText('Check your email for a sign-in link.')).toBeVisible();

  let link = '';
  await expect
    .poll(
      async () => {
        link = (await magicLinksFor(email)).find((l) => !before.has(l)) ?? '';
        return link;
      },
      { timeout: 45_000 },
    )
    .not.toBe('');
  expect(new URL(link).origin).toBe(apex('/').replace(/\/$/, ''));

  const forms = watchForSignInForms(page);
  await page.goto(link);
  await expect(page).toHaveURL(subdomainUrl('acme', '/documents'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Documents');
  // …and the apex session it created reaches globex too.
  await page.goto(subdomainUrl('globex', '/dashboard'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Globex Dashboard');
  expect(forms).toEqual([]);
});
