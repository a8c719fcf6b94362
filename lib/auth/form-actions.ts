import 'server-only';
import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import type { ActionState } from '@/lib/actions/action-state';
import { inputErrors } from '@/lib/actions/field-errors';
import { navigateTo } from '@/lib/actions/navigate';
import { signIn, signOut } from '@/lib/auth/auth';
import { magicLinkSchema, oauthSchema, passwordSignInSchema } from '@/lib/auth/form-schemas';
import { landingPath } from '@/lib/auth/landing';
import { findUserIdByEmail } from '@/lib/auth/membership';

/**
 * Sign-in and sign-out: the bodies behind components/auth/actions.ts (sign-up, email verification
 * and password reset live in lib/accounts/actions.ts). These are the only
 * actions outside `tenantAction`: they run before there is a user or a tenant. Each validates its
 * input with zod and never says whether an email has an account (a wrong email and a wrong
 * password give the same message).
 */
export async function signInAndLand(email: string, password: string, next: string | undefined): Promise<ActionState> {
  try {
    // redirect: false → Auth.js sets the cookie and returns; we choose the destination ourselves.
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, error: 'Wrong email or password' };
    throw error;
  }
  // The new session cookie is not readable in this same request, so find the user by email.
  const userId = await findUserIdByEmail(email);
  // A full page load, not `redirect()`: see lib/actions/navigate.ts.
  return { ok: true, data: navigateTo(userId ? await landingPath(userId, next) : '/') };
}

export async function passwordSignIn(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const parsed = passwordSignInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, fieldErrors: inputErrors(parsed.error).fieldErrors };
  return signInAndLand(parsed.data.email, parsed.data.password, parsed.data.next);
}

export async function emailSignIn(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const parsed = magicLinkSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, fieldErrors: inputErrors(parsed.error).fieldErrors };
  try {
    await signIn('email', {
      email: parsed.data.email.trim().toLowerCase(),
      redirect: false,
      redirectTo: parsed.data.next || '/',
    });
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, error: 'Could not send a sign-in link' };
    throw error;
  }
  return { ok: true, message: 'Check your email for a sign-in link.' };
}

export async function providerSignIn(formData: FormData): Promise<void> {
  const parsed = oauthSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect('/login');
  await signIn(parsed.data.provider, { redirectTo: parsed.data.next || '/' });
}

export async function signOutToLogin(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
