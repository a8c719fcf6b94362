'use server';

import { tenantAction } from '@/lib/actions/tenant-action';
import { changeMemberRoleAction, removeMemberAction } from '@/lib/members/actions';

// The members page's entry points; each body lives in lib/members/actions.ts.
export const changeMemberRole = tenantAction(changeMemberRoleAction.def, changeMemberRoleAction.body);
export const removeMember = tenantAction(removeMemberAction.def, removeMemberAction.body);
