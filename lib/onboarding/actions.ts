import 'server-only';
import { headers } from 'next/headers';
import type { ActionState } from '@/lib/actions/action-state';
import { clientIp } from '@/lib/actions/client-ip';
import { navigateTo } from '@/lib/actions/navigate';
import { requireUser } from '@/lib/auth/guard';
import { createTenant } from '@/lib/onboarding/create-tenant';
import { enterTenant } from '@/lib/onboarding/enter-tenant';
import { rateLimitMessage } from '@/lib/rate-limit';
import { rateLimitFor } from '@/lib/rate-limit/rate-limit-for';
import { invalidateTenant } from '@/lib/tenants/tenant-store';

/**
 * The onboarding form's body (entry: components/onboarding/actions.ts). Not a `tenantAction`
 * (there is no tenant yet): the signed-in user, a rate limit in the `onboarding` bucket, then
 * `createTenant` (validation, slug rules, the Tenant row and the OWNER membership in one
 * transaction, the audit entry).
 */
export async function createTenantFromForm(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const limit = await rateLimitFor('onboarding', user.id);
  if (!limit.ok) return { ok: false, error: rateLimitMessage(limit.retryAfterSeconds) };

  const result = await createTenant({
    userId: user.id,
    name: formData.get('name') ?? undefined,
    slug: formData.get('slug') ?? undefined,
    ip: clientIp(await headers()),
  });
  if (!result.ok)
    return { ok: false, error: result.error ?? 'Please fix the highlighted fields', fieldErrors: result.fieldErrors };

  invalidateTenant(result.tenant.slug);
  // The form navigates with a full load (lib/actions/navigate.ts); header/custom modes have no URL.
  const href = await enterTenant(result.tenant.slug);
  return href
    ? { ok: true, message: `Created “${result.tenant.name}”. Opening its dashboard…`, data: navigateTo(href) }
    : {
        ok: true,
        message: `Created “${result.tenant.name}”. Send requests with the tenant header set to ${result.tenant.slug}.`,
      };
}
