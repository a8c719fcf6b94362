'use server';

import { headers } from 'next/headers';
import type { ActionState } from '@/lib/actions/action-state';
import { clientIp } from '@/lib/actions/client-ip';
import { getSessionUser } from '@/lib/auth/session';
import { acceptInvitation } from '@/lib/invitations/invitations';
import { enterTenant } from '@/lib/onboarding/enter-tenant';
import { rateLimit, rateLimitMessage } from '@/lib/rate-limit';

/**
 * Accepting an invitation. Not a `tenantAction`: the user is not a member yet — the token is what
 * authorises them, together with being signed in as the invited email (checked in
 * `acceptInvitation`, which also records the audit entry in the invitation's tenant).
 */
export async function acceptInvitationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await getSessionUser();
  if (!user) return { ok: false, error: 'Sign in first.' };
  const limit = await rateLimit({ tenantId: 'invitations', userId: user.id, plan: 'free' });
  if (!limit.ok) return { ok: false, error: rateLimitMessage(limit.retryAfterSeconds) };

  const result = await acceptInvitation({
    token: formData.get('token'),
    userId: user.id,
    userEmail: user.email,
    ip: clientIp(await headers()),
  });
  if (!result.ok) return { ok: false, error: result.message };
  // The form navigates (a full load, see use-navigate-on-success.ts); header/custom modes have no URL.
  const href = await enterTenant(result.tenant.slug);
  return { ok: true, message: `You joined ${result.tenant.name}.`, data: href ? { href } : undefined };
}
