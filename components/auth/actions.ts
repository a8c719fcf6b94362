'use server';

import { signUpBody } from '@/lib/accounts/actions';
import { publicFormAction, publicVoidAction } from '@/lib/actions/public-action';
import { emailSignIn, passwordSignIn, providerSignIn, signOutToLogin } from '@/lib/auth/form-actions';

// The forms' entry points; each body lives in lib/auth/form-actions.ts or lib/accounts/actions.ts. They
// run before there is a tenant, so `publicFormAction` (lib/actions/public-action.ts) refuses forged
// arguments instead of `tenantAction`.
export const signInWithPassword = publicFormAction('auth.signIn', passwordSignIn);
export const signInWithEmail = publicFormAction('auth.magicLink', emailSignIn);
export const signInWithProvider = publicVoidAction('auth.oauth', providerSignIn);
export const signUp = publicFormAction('auth.signUp', signUpBody);

export async function signOutAction(): Promise<void> {
  return signOutToLogin();
}
