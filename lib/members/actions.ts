import 'server-only';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/run-tenant-action';
import { changeRole, removeMember } from '@/lib/members/members';
import { publishMembershipChange } from '@/lib/members/publish-change';
import { changeRoleSchema, removeMemberSchema } from '@/lib/members/schemas';

/**
 * Members page actions (`members.updateRole`, `members.remove`), wrapped with `tenantAction` in
 * components/members/actions.ts. The rules (last owner, no escalation, admins cannot touch owners)
 * live in ./rules.ts and are re-checked in the database by ./members.ts. A change is published to
 * the realtime sidecars (./publish-change.ts) so the member's open sockets re-check at once.
 */
export const MEMBERS_PAGE = '/[tenant]/members';

export const changeMemberRoleAction = defineAction(
  { name: 'members.updateRole', schema: changeRoleSchema },
  async (input, { tenant, user, role: actorRole }) => {
    const result = await changeRole({
      tenantId: tenant.id,
      actor: { userId: user.id, role: actorRole },
      targetUserId: input.userId,
      role: input.role,
    });
    if (!result.ok) throw new ActionError(result.error);
    await publishMembershipChange({ tenantId: tenant.id, userId: input.userId, change: 'role' });
    revalidatePath(MEMBERS_PAGE, 'page');
    return { message: 'Role updated.' };
  },
);

export const removeMemberAction = defineAction(
  { name: 'members.remove', schema: removeMemberSchema },
  async (input, { tenant, user, role: actorRole }) => {
    const result = await removeMember({
      tenantId: tenant.id,
      actor: { userId: user.id, role: actorRole },
      targetUserId: input.userId,
    });
    if (!result.ok) throw new ActionError(result.error);
    // Their open realtime sockets close now, not when their token runs out.
    await publishMembershipChange({ tenantId: tenant.id, userId: input.userId, change: 'removed' });
    revalidatePath(MEMBERS_PAGE, 'page');
    return { message: 'Member removed.' };
  },
);
