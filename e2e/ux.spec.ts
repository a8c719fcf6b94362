import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { linkIn, signIn, waitForEmail } from './helpers';

/**
 * The product as a new user meets it, in path mode (one origin, so one cookie jar):
 *  1. the flows — sign-up (a failed submit keeps the input, marks and focuses the field),
 *     onboarding, documents (create, rename, delete with a confirm dialog, client-side links),
 *     members (invite with a Copy button, no controls on the last owner's own row), settings
 *     (a switched-off feature is gone from the nav and its page is a 404), the audit log in words
 *     with filters, the switcher menu, the mobile menu, sign-up from an invitation (prefilled);
 *  2. a tour of every page at 1280×800 and 390×844, light and dark: no console errors, no
 *     horizontal overflow at 390 px, zero serious/critical axe violations, and a screenshot of each
 *     under reports/screenshots/ for a reviewer to look at.
 */
const BASE = () => process.env.E2E_URL_PATH ?? '';
const SHOTS = path.resolve(import.meta.dirname, '../reports/screenshots');
const stamp = Date.now().toString(36);
const owner = { name: 'Uma Owner', email: `uma-${stamp}@example.test`, password: 'correct horse battery' };
const org = { name: `Ux Works ${stamp}`, slug: `ux-${stamp}` };
const invitee = `ivan-${stamp}@example.test`;
let inviteLink = '';

const SIZES = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } } as const;
type Size = keyof typeof SIZES;
type Theme = 'light' | 'dark';

test.describe.configure({ mode: 'serial' });

/** Console errors and uncaught exceptions on `page`; a page meant to be a 404 may log its own 404. */
function watchConsole(page: Page): () => string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return () => errors.splice(0);
}

async function newPage(browser: Browser, size: Size, theme: Theme) {
  const context = await browser.newContext({ viewport: SIZES[size], colorScheme: theme });
  // The user's own theme choice, as the theme menu stores it: it wins over the tenant's default.
  await context.addInitScript((chosen) => window.localStorage.setItem('tenantry-theme', chosen), theme);
  const page = await context.newPage();
  return { context, page, errors: watchConsole(page) };
}

test('a new user signs up, creates an organisation and works through every page', async ({ browser }) => {
  const { context, page, errors } = await newPage(browser, 'desktop', 'light');
  const base = BASE();

  // Sign-up: a failed submit keeps what was typed, marks the field and moves focus to it.
  await page.goto(`${base}/signup`);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('error-name')).toHaveText('Enter your name');
  await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Name')).toBeFocused();
  await expect(page.getByLabel('Email')).toHaveValue(owner.email);
  await expect(page.getByTestId('error-password')).toBeVisible();
  await page.getByLabel('Name').fill(owner.name);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('status')).toContainText('Check your email');

  // The address is confirmed from the email (read from the dev inbox), on this server.
  const confirmation = await waitForEmail(owner.email, /Confirm your email/);
  await page.goto(`${base}${new URL(linkIn(confirmation, '/verify-email/')).pathname}`);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Confirm and sign in' }).click();

  // Onboarding: the slug follows the name.
  await expect(page).toHaveURL(/\/onboarding/);
  await page.getByLabel('Organisation name').fill(org.name);
  await expect(page.getByLabel('Address (slug)')).toHaveValue(`ux-works-${stamp}`);
  await page.getByLabel('Address (slug)').fill(org.slug);
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page).toHaveURL(`${base}/${org.slug}/dashboard`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${org.name} Dashboard`);
  await expect(page).toHaveTitle(`Dashboard · ${org.name} · Tenantry`);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');

  // Documents: a new organisation is not a dead end.
  await nav.getByRole('link', { name: 'Documents' }).click();
  await expect(nav.getByRole('link', { name: 'Documents' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Documents');
  await page.getByRole('button', { name: 'Create document' }).click();
  await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Title')).toBeFocused();
  await page.getByLabel('Text').fill('Kept after the failed submit');
  await page.getByLabel('Title').fill('Launch plan');
  await page.getByRole('button', { name: 'Create document' }).click();
  await expect(page).toHaveURL(new RegExp(`/${org.slug}/documents/[a-z0-9]+$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Launch plan');
  await expect(page.getByText('Kept after the failed submit')).toBeVisible();
  await expect(page).toHaveTitle(`Launch plan · ${org.name} · Tenantry`);
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('Title').fill('Launch plan v2');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Launch plan v2');
  await page.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('Delete “Launch plan v2”?');
  await confirm.getByRole('button', { name: 'Delete document' }).click();
  await expect(page).toHaveURL(`${base}/${org.slug}/documents`);
  await expect(page.getByText('No documents yet.')).toBeVisible();
  await page.getByLabel('Title').fill('Roadmap');
  await page.getByRole('button', { name: 'Create document' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Roadmap');

  // Members: the only owner gets no controls on their own row; the invite link has a Copy button.
  await nav.getByRole('link', { name: 'Members' }).click();
  const ownRow = page.getByTestId('member-row').filter({ hasText: owner.email });
  await expect(ownRow.getByTestId('member-role')).toHaveText('Owner');
  await expect(ownRow.getByRole('button')).toHaveCount(0);
  await page.getByLabel('Email', { exact: true }).fill(invitee);
  await page.getByRole('button', { name: 'Invite' }).click();
  await expect(page.getByTestId('invite-link')).toBeVisible();
  inviteLink = (await page.getByTestId('invite-link').textContent()) ?? '';
  await expect(page.getByRole('button', { name: 'Copy invite link' })).toBeVisible();
  await expect(page.getByTestId('invitations')).toContainText(invitee);

  // Settings: a bad logo URL stays in its field, marked; switching Documents off removes it.
  await nav.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Logo URL').fill('http://insecure.example/logo.png');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByLabel('Logo URL')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Logo URL')).toHaveValue('http://insecure.example/logo.png');
  await expect(page.getByLabel('Logo URL')).toBeFocused();
  await page.getByLabel('Logo URL').fill('');
  await page.getByRole('checkbox', { name: 'Documents' }).uncheck();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(nav.getByRole('link', { name: 'Documents' })).toHaveCount(0);
  const gone = await page.goto(`${base}/${org.slug}/documents`);
  expect(gone?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toBeVisible();
  errors(); // the 404 above logs its own status; nothing else may
  await page.goto(`${base}/${org.slug}/settings`);
  await page.getByRole('checkbox', { name: 'Documents' }).check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(nav.getByRole('link', { name: 'Documents' })).toBeVisible();

  // Audit log: entries in words, filtered by action through the query string.
  await nav.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByTestId('audit-log')).toContainText('created the document “Roadmap”');
  await expect(page.getByTestId('audit-log')).toContainText(`invited ${invitee} as Member`);
  await expect(page.getByTestId('audit-log')).not.toContainText('{');
  await page.getByLabel('Action').selectOption('documents.delete');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/action=documents\.delete/);
  await expect(page.getByTestId('audit-entry')).toHaveCount(1);
  await expect(page.getByTestId('audit-entry')).toContainText('deleted a document');

  // The switcher: a menu with the role and a way to create another organisation.
  await page.getByTestId('tenant-switcher').click();
  const menu = page.getByRole('menu');
  await expect(menu.getByTestId(`switch-${org.slug}`)).toContainText('Owner');
  await expect(menu.getByRole('menuitem', { name: 'Create organisation' })).toBeVisible();
  await page.keyboard.press('Escape');

  expect(errors()).toEqual([]);
  await context.close();
});

test('sign-up from an invitation starts with the invited email', async ({ browser }) => {
  expect(inviteLink).toContain('/invite/');
  const { context, page, errors } = await newPage(browser, 'mobile', 'dark');
  await page.goto(inviteLink.replace(/^https?:\/\/[^/]+/, BASE()));
  await page.getByTestId('invite-sign-up').click();
  await expect(page.getByLabel('Email')).toHaveValue(invitee);
  expect(errors()).toEqual([]);
  await context.close();
});

test('on a phone the nav is a menu, and the switcher lists roles', async ({ browser }) => {
  const { context, page, errors } = await newPage(browser, 'mobile', 'light');
  await signIn(page, BASE(), 'carol@both.test');
  await page.goto(`${BASE()}/acme/dashboard`);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await page.getByTestId('open-menu').click();
  const sheet = page.getByRole('dialog');
  await expect(sheet.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
  await sheet.getByRole('link', { name: 'Documents' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Documents');
  await expect(page.getByRole('dialog')).toBeHidden();
  expect(errors()).toEqual([]);
  await context.close();
});

type Stop = { name: string; path: string; status?: number; signedIn?: string };

/** Every page once; `signedIn` picks the account (path mode, acme unless said otherwise). */
const TOUR: Stop[] = [
  { name: 'home', path: '/' },
  { name: 'login', path: '/login' },
  { name: 'signup', path: '/signup' },
  { name: 'invite', path: 'INVITE' },
  { name: 'home-signed-in', path: '/', signedIn: 'alice@acme.test' },
  { name: 'onboarding', path: '/onboarding', signedIn: 'alice@acme.test' },
  { name: 'dashboard', path: '/acme/dashboard', signedIn: 'alice@acme.test' },
  { name: 'documents', path: '/acme/documents', signedIn: 'alice@acme.test' },
  { name: 'document', path: 'FIRST_DOCUMENT', signedIn: 'alice@acme.test' },
  { name: 'members', path: '/acme/members', signedIn: 'alice@acme.test' },
  { name: 'settings', path: '/acme/settings', signedIn: 'alice@acme.test' },
  { name: 'audit', path: '/acme/audit', signedIn: 'alice@acme.test' },
  { name: 'not-found-in-tenant', path: '/acme/documents/nope', status: 404, signedIn: 'alice@acme.test' },
  { name: 'not-a-member', path: '/globex/dashboard', status: 404, signedIn: 'alice@acme.test' },
  { name: 'forbidden', path: '/acme/audit', status: 403, signedIn: 'carol@both.test' },
];

async function inspect(page: Page, name: string, size: Size, theme: Theme): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState('load');
  const width = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  if (size === 'mobile')
    expect(width.page, `${name}: horizontal overflow at 390 px`).toBeLessThanOrEqual(width.viewport);
  await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${theme}\\b`));
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  // Soft: one run reports every page's problems, not just the first.
  expect.soft(serious, `${name} (${theme}, ${size})`).toEqual([]);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}-${theme}-${size}.png`), fullPage: true });
}

for (const size of ['desktop', 'mobile'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`every page at ${size} in ${theme}: no overflow, no console errors, no serious axe violations`, async ({
      browser,
    }) => {
      test.setTimeout(240_000);
      const base = BASE();
      let session = await newPage(browser, size, theme);
      let signedInAs: string | undefined;
      for (const stop of TOUR) {
        if (stop.signedIn !== signedInAs) {
          await session.context.close();
          session = await newPage(browser, size, theme);
          if (stop.signedIn) await signIn(session.page, base, stop.signedIn);
          signedInAs = stop.signedIn;
        }
        const { page, errors } = session;
        let target = `${base}${stop.path}`;
        if (stop.path === 'INVITE') target = inviteLink.replace(/^https?:\/\/[^/]+/, base);
        if (stop.path === 'FIRST_DOCUMENT') {
          await page.goto(`${base}/acme/documents`);
          target = new URL(
            (await page.getByTestId('documents').getByRole('link').first().getAttribute('href')) ?? '',
            base,
          ).href;
        }
        const response = await page.goto(target);
        expect(response?.status(), stop.name).toBe(stop.status ?? 200);
        await inspect(page, stop.name, size, theme);
        const logged = errors().filter((e) => !(stop.status && e.includes(`status of ${stop.status}`)));
        expect.soft(logged, `${stop.name}: console errors`).toEqual([]);
      }
      await session.context.close();
    });
  }
}
