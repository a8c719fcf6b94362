import 'server-only';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit';
import { inputErrors } from '@/lib/actions/field-errors';
import { db, withoutTenant } from '@/lib/db';
import { isUniqueViolation } from '@/lib/db/unique-violation';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { validateNewSlug } from '@/lib/tenants/slug';

/**
 * Onboarding: a signed-in user creates a tenant and becomes its OWNER.
 *
 * Not a tenant action (there is no tenant yet), so this is one of the few places that writes
 * outside a tenant scope: the Tenant row and its first Membership are created by ONE nested write
 * through `withoutTenant` — one transaction, so a tenant never exists without its owner. The slug
 * is checked for format and reserved words (`validateNewSlug`) and for uniqueness; the unique
 * index is the final word, so two people racing for one slug get the same clear message.
 * Tests: tests/accounts/onboarding.test.ts.
 */
export const createTenantSchema = z.object({
  name: z
    .string({ error: 'Enter a name.' })
    .trim()
    .min(1, 'Enter a name.')
    .max(80, 'Keep the name under 80 characters.'),
  slug: z
    .string({ error: 'Choose an address.' })
    .trim()
    .min(1, 'Choose an address.')
    .max(63, 'Use at most 63 characters.'),
});

export const SLUG_TAKEN_MESSAGE = 'That address is already taken; please choose another.';

export type CreateTenantResult =
  | { ok: true; tenant: { id: string; slug: string; name: string } }
  | { ok: false; fieldErrors: Partial<Record<'name' | 'slug', string[]>>; error?: string };

type Input = { userId: string; name: unknown; slug: unknown; ip?: string | null };

export async function createTenant({ userId, name, slug, ip = null }: Input): Promise<CreateTenantResult> {
  const parsed = createTenantSchema.safeParse({ name, slug });
  if (!parsed.success) return { ok: false, fieldErrors: inputErrors(parsed.error).fieldErrors };
  const checked = validateNewSlug(parsed.data.slug);
  if (!checked.ok) return { ok: false, fieldErrors: { slug: [checked.message] } };

  const taken = await db.tenant.findUnique({ where: { slug: checked.slug }, select: { id: true } });
  if (taken) return { ok: false, fieldErrors: { slug: [SLUG_TAKEN_MESSAGE] } };

  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) return { ok: false, fieldErrors: {}, error: 'Sign in first.' };

  let tenant: { id: string; slug: string; name: string };
  try {
    tenant = await withoutTenant((client) =>
      client.tenant.create({
        data: {
          slug: checked.slug,
          name: parsed.data.name,
          settings: { ...DEFAULT_SETTINGS },
          memberships: { create: { userId, role: 'OWNER' } },
        },
        select: { id: true, slug: true, name: true },
      }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { slug: [SLUG_TAKEN_MESSAGE] } };
    throw error;
  }

  await recordAudit({
    tenantId: tenant.id,
    userId,
    action: 'tenant.create',
    data: { slug: tenant.slug, name: tenant.name },
    ip,
  });
  return { ok: true, tenant };
}
