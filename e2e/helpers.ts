import { expect, type Page } from '@playwright/test';

/** The platform operator of e2e/admin.spec.ts: a user with no tenant, named in PLATFORM_OPERATORS. */
export const E2E_OPERATOR = 'ops@platform.test';
/** Verified custom domains seeded by global-setup.ts; Chromium maps them to loopback (custom-domains.spec.ts). */
export const E2E_CUSTOM_DOMAINS = { acme: 'app.acme-custom.test', globex: 'app.globex-custom.test' } as const;

export function subdomainUrl(slug: string, pathname = '/'): string {
  return `http://${slug}.localhost:${process.env.E2E_PORT_SUBDOMAIN}${pathname}`;
}

/** Signs in through the real login form on `baseUrl`, then waits to leave the login page. */
export async function signIn(page: Page, baseUrl: string, email: string, password = 'password'): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page).not.toHaveURL(/\/login/);
}
