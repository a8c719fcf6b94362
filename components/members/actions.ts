'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ActionError, tenantAction } from '@/lib/actions/tenant-action';
import { ROLES } from '@/lib/auth/permissions';
import { createInvitation, revokeInvitation } from '@/lib/invitations/invitations';
import { invitationLink, logInvitationLink } from '@/lib/invitations/link';
import { changeRole, removeMember } from '@/lib/members/members';

/**
 * Members page actions. Guard, permission (`members.*`), rate limit, validation, tenant scope and
 * the audit entry come from `tenantAction`; the rules (last owner, no escalation, admins cannot
 * touch owners) live in lib/members and lib/invitations, which re-check them in the database.
 */
const MEMBERS_PAGE = '/[tenant]/members';
const role = z.enum(ROLES, { error: 'Choose a role.' });
const userId = z.string({ error: 'Missing member.' }).min(1, 'Missing member.').max(64);

export const inviteMember = tenantAction(
  {
    name: 'members.invite',
    schema: z.object({ email: z.email({ error: 'Enter a valid email address.' }).trim().max(254).toLowerCase(), role }),
  },
  async (input, { tenant, user, role: inviterRole }) => {
    const result = await createInvitation({ tenantId: tenant.id, invitedById: user.id, inviterRole, email: input.email, role: input.role });
    if (!result.ok) throw new ActionError(result.error, { [result.field]: [result.error] });
    const link = await invitationLink(result.token);
    logInvitationLink(result.invitation.email, link);
    revalidatePath(MEMBERS_PAGE, 'page');
    // The link goes back to the inviter once; the audit entry gets the invitation id, never the token.
    return { message: `Invitation created for ${result.invitation.email}.`, data: { link }, audit: { invitationId: result.invitation.id } };
  },
);

export const changeMemberRole = tenantAction(
  { name: 'members.updateRole', schema: z.object({ userId, role }) },
  async (input, { tenant, user, role: actorRole }) => {
    const result = await changeRole({ tenantId: tenant.id, actor: { userId: user.id, role: actorRole }, targetUserId: input.userId, role: input.role });
    if (!result.ok) throw new ActionError(result.error);
    revalidatePath(MEMBERS_PAGE, 'page');
    return { message: 'Role updated.' };
  },
);

export const removeMemberAction = tenantAction(
  { name: 'members.remove', schema: z.object({ userId }) },
  async (input, { tenant, user, role: actorRole }) => {
    const result = await removeMember({ tenantId: tenant.id, actor: { userId: user.id, role: actorRole }, targetUserId: input.userId });
    if (!result.ok) throw new ActionError(result.error);
    revalidatePath(MEMBERS_PAGE, 'page');
    return { message: 'Member removed.' };
  },
);

export const revokeInvitationAction = tenantAction(
  { name: 'members.revokeInvitation', permission: 'members.invite', schema: z.object({ id: z.string().min(1).max(64) }) },
  async (input, { tenant }) => {
    if (!(await revokeInvitation(tenant.id, input.id))) throw new ActionError('That invitation is no longer open.');
    revalidatePath(MEMBERS_PAGE, 'page');
    return { message: 'Invitation withdrawn.' };
  },
);
