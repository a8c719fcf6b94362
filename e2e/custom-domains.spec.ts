import { expect, test } from '@playwright/test';
import { E2E_CUSTOM_DOMAINS } from './helpers';

/**
 * Custom domains in a real browser (issue 14). Chromium resolves the two test hosts to loopback
 * (`--host-resolver-rules`); global-setup.ts seeded them as verified for acme and globex. carol signs
 * in once on the main domain, then opens acme on its own domain without a second sign-in (the
 * handoff, cookies host-only), sees live presence there (the sidecar admits the verified Origin),
 * and globex's domain shows globex only.
 */
const port = () => process.env.E2E_PORT_SUBDOMAIN ?? '';
const apex = (pathname = '/') => `http://localhost:${port()}${pathname}`;
const custom = (slug: keyof typeof E2E_CUSTOM_DOMAINS, pathname = '/') =>
  `http://${E2E_CUSTOM_DOMAINS[slug]}:${port()}${pathname}`;

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=${Object.values(E2E_CUSTOM_DOMAINS)
        .map((host) => `MAP ${host} 127.0.0.1`)
        .join(', ')}`,
    ],
  },
});

test('carol signs in on the main domain and uses acme on its custom domain without signing in again', async ({
  page,
}) => {
  await page.goto(apex('/login'));
  await page.getByLabel('Email').fill('carol@both.test');
  await page.getByLabel('Password').fill('password');
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page).not.toHaveURL(/\/login/);

  const forms: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && new URL(frame.url()).pathname === '/login') forms.push(frame.url());
  });

  await page.goto(custom('acme', '/dashboard'));
  await expect(page).toHaveURL(custom('acme', '/dashboard'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Corp Dashboard');
  await page.getByRole('link', { name: 'Acme Launch Plan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Launch Plan');
  await expect(page.getByTestId('presence')).toHaveAttribute('data-status', 'connected');
  await expect(page.locator('[data-testid="presence-user"][data-name="Carol"]')).toHaveCount(1);

  // The session cookie on the custom domain is its own (host-only).
  const cookies = await page.context().cookies(custom('acme'));
  const session = cookies.find((c) => c.name.includes('session-token'));
  expect(session?.domain).toBe(E2E_CUSTOM_DOMAINS.acme);

  // globex's domain shows globex, never acme.
  await page.goto(custom('globex', '/dashboard'));
  await expect(page).toHaveURL(custom('globex', '/dashboard'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Globex Dashboard');
  await expect(page.getByText('Acme Anvil')).toHaveCount(0);
  expect(forms).toEqual([]);
});
