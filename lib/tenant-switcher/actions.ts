import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { clientIp } from '@/lib/actions/client-ip';
import { recordAudit } from '@/lib/audit';
import { activateSessionTenant } from '@/lib/auth/activate-tenant';
import { requireUser } from '@/lib/auth/guard';
import { checkMembership } from '@/lib/auth/membership';
import { requiredRole } from '@/lib/auth/permissions';
import { rateLimitFor } from '@/lib/rate-limit/rate-limit-for';
import { normalizeSlug } from '@/lib/tenants/slug';

/**
 * Session-mode tenant switch (entry point: components/tenant-switcher/actions.ts). Invariant: the
 * `session.key` cookie and the `session.jwtClaim` claim are set only here, and only after a
 * database membership check (`tenant.switch` in the permission table); the jwt callback checks
 * again before writing the claim (lib/auth/tenant-claims.ts). A non-member gets the same 404 as an
 * unknown tenant. Not a `tenantAction`: the target tenant is not the current request's tenant.
 * Tests: tests/auth/tenant-claims.test.ts, e2e/auth-switch.spec.ts.
 */
const switchSchema = z.object({ slug: z.string().max(63) });

export async function switchTenantFromForm(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = switchSchema.safeParse({ slug: formData.get('slug') });
  const slug = parsed.success ? normalizeSlug(parsed.data.slug) : null;
  if (!slug) notFound();
  const check = await checkMembership(user.id, slug, requiredRole('tenant.switch'));
  if (check.status !== 'ok') notFound();
  const { tenant } = check;

  const limit = await rateLimitFor(tenant, user.id);
  if (!limit.ok) redirect('/dashboard');

  await activateSessionTenant(tenant.slug);
  await recordAudit({
    tenantId: tenant.id,
    userId: user.id,
    action: 'tenant.switch',
    data: { slug: tenant.slug },
    ip: clientIp(await headers()),
  });
  redirect('/dashboard');
}
