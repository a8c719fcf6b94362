'use server';

import { publicFormAction, publicVoidAction } from '@/lib/actions/public-action';
import { emailSignIn, passwordSignIn, passwordSignUp, providerSignIn, signOutToLogin } from '@/lib/auth/form-actions';

// The forms' entry points; each body lives in lib/auth/form-actions.ts. They run before there is a
// tenant, so `publicFormAction` (lib/actions/public-action.ts) refuses forged arguments instead of `tenantAction`.
export const signInWithPassword = publicFormAction('auth.signIn', passwordSignIn);
export const signInWithEmail = publicFormAction('auth.magicLink', emailSignIn);
export const signInWithProvider = publicVoidAction('auth.oauth', providerSignIn);
export const signUp = publicFormAction('auth.signUp', passwordSignUp);

export async function signOutAction(): Promise<void> {
  return signOutToLogin();
}
