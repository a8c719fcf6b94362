'use server';

import { publicFormAction } from '@/lib/actions/public-action';
import { tenantAction } from '@/lib/actions/tenant-action';
import { acceptInvitationFromForm, inviteMemberAction, revokeInvitationAction } from '@/lib/invitations/actions';

// The invitation forms' entry points; each body lives in lib/invitations/actions.ts.
export const inviteMember = tenantAction(inviteMemberAction.def, inviteMemberAction.body);
export const revokeInvitation = tenantAction(revokeInvitationAction.def, revokeInvitationAction.body);

// Accepting runs before membership exists: `publicFormAction` guards the arguments.
export const acceptInvitation = publicFormAction('invitations.accept', acceptInvitationFromForm);
