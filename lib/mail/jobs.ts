import { z } from 'zod';
import { db } from '@/lib/db';
import { defineJob } from '@/lib/jobs/registry';
import { tenantSettingsSchema } from '@/lib/settings/schema';
import { absoluteUrl, tenantUrl } from '@/lib/urls/tenant-origin';
import { deliverEmail } from './deliver';
import type { Branding } from './templates/layout';

/**
 * The two mail jobs. Payloads carry paths and plain values only; every absolute link is built
 * here from configuration (lib/urls), and a tenant mail's branding is read from the job's own
 * tenant inside withTenant — so a payload can neither point a link elsewhere nor borrow another
 * tenant's name or logo. Tests: tests/mail/templates.test.ts.
 */
const path = z.string().startsWith('/').max(2048);
const base = { eventKey: z.string().min(1).max(300), to: z.email().max(254) };

const platformMail = z.discriminatedUnion('template', [
  z.object({ ...base, template: z.literal('magic-link'), path }),
  z.object({ ...base, template: z.literal('verify-email'), path, name: z.string().max(100).nullish() }),
  z.object({ ...base, template: z.literal('password-reset'), path }),
  z.object({ ...base, template: z.literal('password-changed') }),
  // Billing and lifecycle notices to a tenant's owners. A platform mail on purpose: the tenant may be
  // suspended, and the runner holds a suspended tenant's tenant jobs (lib/jobs/run-job.ts).
  z.object({
    ...base,
    template: z.literal('notice'),
    subject: z.string().min(1).max(200),
    lines: z.array(z.string().max(500)).min(1).max(6),
    path: path.nullish(),
    label: z.string().max(60).nullish(),
  }),
]);

const tenantMail = z.discriminatedUnion('template', [
  z.object({
    ...base,
    template: z.literal('invitation'),
    path,
    role: z.string().max(20),
    inviterName: z.string().max(100).nullish(),
  }),
  z.object({ ...base, template: z.literal('welcome') }),
  z.object({ ...base, template: z.literal('role-changed'), role: z.string().max(20) }),
  z.object({ ...base, template: z.literal('removed') }),
]);

export type PlatformMail = z.input<typeof platformMail>;
export type TenantMail = z.input<typeof tenantMail>;
export const PLATFORM_MAIL_JOB = 'mail-platform';
export const TENANT_MAIL_JOB = 'mail-tenant';

defineJob({
  name: PLATFORM_MAIL_JOB,
  tenant: false,
  async handler(raw) {
    const mail = platformMail.parse(raw);
    const common = { eventKey: mail.eventKey, to: mail.to };
    switch (mail.template) {
      case 'password-changed':
        await deliverEmail({ ...common, template: mail.template, props: { url: absoluteUrl('/forgot-password') } });
        return;
      case 'notice':
        await deliverEmail({
          ...common,
          template: mail.template,
          props: {
            subject: mail.subject,
            lines: mail.lines,
            url: mail.path ? absoluteUrl(mail.path) : null,
            label: mail.label ?? null,
          },
        });
        return;
      case 'verify-email':
        await deliverEmail({
          ...common,
          template: mail.template,
          props: { url: absoluteUrl(mail.path), name: mail.name ?? null },
        });
        return;
      default:
        await deliverEmail({ ...common, template: mail.template, props: { url: absoluteUrl(mail.path) } });
    }
  },
});

async function brandingOf(tenantId: string): Promise<{ slug: string; brand: Branding }> {
  const tenant = await db.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { slug: true, name: true, settings: true },
  });
  const settings = tenantSettingsSchema.safeParse(tenant.settings);
  return { slug: tenant.slug, brand: { name: tenant.name, logoUrl: settings.success ? settings.data.logoUrl : null } };
}

defineJob({
  name: TENANT_MAIL_JOB,
  tenant: true,
  async handler(raw, { tenantId }) {
    if (!tenantId) throw new Error('a tenant mail needs its tenant');
    const mail = tenantMail.parse(raw);
    const { slug, brand } = await brandingOf(tenantId);
    const common = { eventKey: mail.eventKey, to: mail.to };
    switch (mail.template) {
      case 'invitation':
        await deliverEmail({
          ...common,
          template: mail.template,
          props: { url: absoluteUrl(mail.path), brand, role: mail.role, inviterName: mail.inviterName ?? null },
        });
        return;
      case 'welcome':
        await deliverEmail({
          ...common,
          template: mail.template,
          props: { url: tenantUrl(slug, '/dashboard'), brand },
        });
        return;
      case 'role-changed':
        await deliverEmail({
          ...common,
          template: mail.template,
          props: { url: tenantUrl(slug, '/dashboard'), brand, role: mail.role },
        });
        return;
      case 'removed':
        await deliverEmail({ ...common, template: mail.template, props: { brand } });
        return;
    }
  },
});
