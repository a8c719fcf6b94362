import 'server-only';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import type { ActionState } from '@/lib/actions/action-state';
import { clientIp } from '@/lib/actions/client-ip';
import { defineAction } from '@/lib/actions/define-action';
import { navigateTo } from '@/lib/actions/navigate';
import { ActionError } from '@/lib/actions/run-tenant-action';
import { getSessionUser } from '@/lib/auth/session';
import { acceptInvitation, createInvitation, revokeInvitation } from '@/lib/invitations/invitations';
import { invitationLink } from '@/lib/invitations/link';
import { inviteSchema, revokeInvitationSchema } from '@/lib/invitations/schemas';
import { MEMBERS_PAGE } from '@/lib/members/actions';
import { enterTenant } from '@/lib/onboarding/enter-tenant';
import { rateLimitMessage } from '@/lib/rate-limit';
import { rateLimitFor } from '@/lib/rate-limit/rate-limit-for';
import { forgive, spendAttempt, throttleMessage } from '@/lib/rate-limit/auth-throttle';

/**
 * Invitation actions; entry points in components/invitations/actions.ts. Inviting and withdrawing
 * are tenant actions (`members.invite`); accepting is not — the user is not a member yet: the
 * token authorises them, together with being signed in as the invited email (checked in
 * `acceptInvitation`, which also records the audit entry in the invitation's tenant).
 */
export const inviteMemberAction = defineAction(
  { name: 'members.invite', schema: inviteSchema },
  async (input, { tenant, user, role }) => {
    const result = await createInvitation({
      tenantId: tenant.id,
      invitedById: user.id,
      inviterRole: role,
      email: input.email,
      role: input.role,
      inviterName: user.name ?? user.email,
    });
    if (!result.ok) throw new ActionError(result.error, { [result.field]: [result.error] });
    // The invitee gets it by email (queued with the invitation); the inviter also sees it once, on
    // the tenant's verified primary domain when it has one.
    const link = await invitationLink(result.token, tenant.slug);
    revalidatePath(MEMBERS_PAGE, 'page');
    // The link goes back to the inviter once; the audit entry gets the invitation id, never the token.
    return {
      message: `Invitation created for ${result.invitation.email}.`,
      data: { link },
      audit: { invitationId: result.invitation.id },
    };
  },
);

export const revokeInvitationAction = defineAction(
  { name: 'members.revokeInvitation', permission: 'members.invite', schema: revokeInvitationSchema },
  async (input, { tenant }) => {
    if (!(await revokeInvitation(tenant.id, input.id))) throw new ActionError('That invitation is no longer open.');
    revalidatePath(MEMBERS_PAGE, 'page');
    return { message: 'Invitation withdrawn.' };
  },
);

export async function acceptInvitationFromForm(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const user = await getSessionUser();
  if (!user) return { ok: false, error: 'Sign in first.' };
  const limit = await rateLimitFor('invitations', user.id);
  if (!limit.ok) return { ok: false, error: rateLimitMessage(limit.retryAfterSeconds) };
  // Failed acceptances (guessed or stale tokens) are bounded per IP and per user; a success gives its point back.
  const ip = clientIp(await headers());
  const subject = { ip, account: user.id };
  const verdict = await spendAttempt('inviteAccept', subject);
  if (!verdict.ok) return { ok: false, error: throttleMessage(verdict.retryAfterSeconds) };

  const result = await acceptInvitation({ token: formData.get('token'), userId: user.id, userEmail: user.email, ip });
  if (!result.ok) return { ok: false, error: result.message };
  await forgive('inviteAccept', subject);
  // The form navigates with a full load (lib/actions/navigate.ts); header/custom modes have no URL.
  const href = await enterTenant(result.tenant.slug);
  return { ok: true, message: `You joined ${result.tenant.name}.`, data: href ? navigateTo(href) : undefined };
}
