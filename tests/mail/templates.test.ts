import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutTenant } from '@/lib/db';
import { queuePlatformMail, queueTenantMail } from '@/lib/mail/send';
import { TEMPLATE_NAMES } from '@/lib/mail/templates/catalog';
import { startMailHarness, type MailHarness } from '../fixtures/mail-harness';
import { seededDbForSuite, tenantId } from '../accounts/scratch';

/**
 * Every template, sent through the real queue to a real SMTP server on loopback: each arrives
 * with an HTML and a plain-text part, links on the configured origin, the sending tenant's
 * branding and nothing of the other tenant's.
 */
const database = seededDbForSuite();
let mail: MailHarness;
const APP = 'https://app.example.test';

beforeAll(async () => {
  mail = await startMailHarness(database().url, APP);
  await withoutTenant((c) =>
    c.tenant.update({
      where: { slug: 'acme' },
      data: { settings: { logoUrl: 'https://cdn.example.test/acme.png' } },
    }),
  );
});
afterAll(() => mail?.stop());

const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '');

async function arrived(to: string) {
  return mail.inbox.waitFor((m) => m.to.includes(to));
}

describe('every template over SMTP', () => {
  it('covers the catalogue', () => {
    expect(TEMPLATE_NAMES).toHaveLength(9);
  });

  it.each([
    ['magic-link', '/api/auth/callback/email?token=abc'],
    ['verify-email', '/verify-email/tok'],
    ['password-reset', '/reset-password/tok'],
  ] as const)('%s: link on APP_URL, HTML and text parts', async (template, path) => {
    const to = `${template}@example.test`;
    await queuePlatformMail({ eventKey: `t:${template}`, to, template, path });
    const message = await arrived(to);
    expect(hrefs(message.html)).toContain(`${APP}${path}`);
    expect(message.text).toContain(`${APP}${path}`);
    expect(message.html).not.toMatch(/Acme|Globex/);
  });

  it('password-changed points at the reset page on APP_URL', async () => {
    await queuePlatformMail({ eventKey: 't:changed', to: 'changed@example.test', template: 'password-changed' });
    const message = await arrived('changed@example.test');
    expect(message.text).toContain(`${APP}/forgot-password`);
  });

  it('tenant mails carry the sending tenant’s name and logo, and nothing of the other tenant', async () => {
    const acme = await tenantId('acme');
    const cases = [
      { eventKey: 't:inv', to: 'inv@example.test', template: 'invitation', path: '/invite/tok', role: 'ADMIN' },
      { eventKey: 't:wel', to: 'wel@example.test', template: 'welcome' },
      { eventKey: 't:role', to: 'role@example.test', template: 'role-changed', role: 'MEMBER' },
      { eventKey: 't:rem', to: 'rem@example.test', template: 'removed' },
    ] as const;
    for (const mailCase of cases) await queueTenantMail(acme, mailCase);
    for (const mailCase of cases) {
      const message = await arrived(mailCase.to);
      expect(message.subject).toContain('Acme Corp');
      expect(message.html).toContain('https://cdn.example.test/acme.png');
      expect(message.text).toContain('Acme Corp');
      expect(`${message.html}${message.text}`).not.toMatch(/Globex/i);
      for (const href of hrefs(message.html)) expect(href.startsWith('https://')).toBe(true);
    }
    const invitation = mail.inbox.messages().find((m) => m.to.includes('inv@example.test'));
    expect(hrefs(invitation?.html ?? '')).toContain(`${APP}/invite/tok`);
    const welcome = mail.inbox.messages().find((m) => m.to.includes('wel@example.test'));
    // Subdomain mode: the tenant's dashboard on <slug>.<APP_URL host>.
    expect(hrefs(welcome?.html ?? '')).toContain('https://acme.app.example.test/dashboard');
  });

  it('a payload cannot point a link at another origin', async () => {
    await queuePlatformMail({
      eventKey: 't:evil',
      to: 'evil@example.test',
      template: 'password-reset',
      path: '//evil.example/steal',
    });
    const message = await arrived('evil@example.test');
    for (const href of hrefs(message.html)) expect(href.startsWith(`${APP}/`)).toBe(true);
  });
});
