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

type InboxMessage = { to: string[]; subject: string; text: string; html: string };

/** The first email to `to` whose subject matches, from the dev inbox (waits for the worker to send it). */
export async function waitForEmail(to: string, subject: RegExp, timeoutMs = 45_000): Promise<InboxMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${process.env.E2E_INBOX_URL}/messages.json`);
    const messages = (await res.json()) as InboxMessage[];
    const found = messages.find((m) => m.to.includes(to.toLowerCase()) && subject.test(m.subject));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no email to ${to} matching ${subject}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The first link in a message's text part whose path starts with `route` (e.g. `/verify-email/`). */
export function linkIn(message: InboxMessage, route: string): string {
  const match = new RegExp(`https?://[^\\s]+${route}[A-Za-z0-9_-]+`).exec(message.text);
  if (!match) throw new Error(`no ${route} link in: ${message.text}`);
  return match[0];
}
