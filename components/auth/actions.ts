'use server';

import { signUpBody } from '@/lib/accounts/actions';
import type { ActionState } from '@/lib/actions/action-state';
import { emailSignIn, passwordSignIn, providerSignIn, signOutToLogin } from '@/lib/auth/form-actions';

// The forms' entry points; each body lives in lib/auth/form-actions.ts or lib/accounts/actions.ts.
export async function signInWithPassword(prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return passwordSignIn(prev, formData);
}

export async function signInWithEmail(prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return emailSignIn(prev, formData);
}

export async function signInWithProvider(formData: FormData): Promise<void> {
  return providerSignIn(formData);
}

export async function signUp(prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return signUpBody(prev, formData);
}

export async function signOutAction(): Promise<void> {
  return signOutToLogin();
}
