'use server';

import { forgotPasswordBody, resetPasswordBody, verifyEmailBody } from '@/lib/accounts/actions';
import type { ActionState } from '@/lib/actions/action-state';

// Entry points of the account forms; the bodies live in lib/accounts/actions.ts.
export async function verifyEmail(prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return verifyEmailBody(prev, formData);
}

export async function forgotPassword(prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return forgotPasswordBody(prev, formData);
}

export async function resetPasswordWithToken(prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return resetPasswordBody(prev, formData);
}
