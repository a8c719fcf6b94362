'use server';

import type { ActionState } from '@/lib/actions/action-state';
import { tenantAction } from '@/lib/actions/tenant-action';
import { acceptInvitationFromForm, inviteMemberAction, revokeInvitationAction } from '@/lib/invitations/actions';

// The invitation forms' entry points; each body lives in lib/invitations/actions.ts.
export const inviteMember = tenantAction(inviteMemberAction.def, inviteMemberAction.body);
export const revokeInvitation = tenantAction(revokeInvitationAction.def, revokeInvitationAction.body);

export async function acceptInvitation(prev: ActionState, formData: FormData): Promise<ActionState> {
  return acceptInvitationFromForm(prev, formData);
}
