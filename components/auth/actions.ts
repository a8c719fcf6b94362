'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ActionState } from '@/lib/actions/action-state';
import { signIn, signOut } from '@/lib/auth/auth';
import { landingPath } from '@/lib/auth/landing';
import { createUserWithPassword, signUpSchema } from '@/lib/auth/sign-up';
import { db } from '@/lib/db';

/**
 * Sign-in, sign-up and sign-out. These are the only actions outside `tenantAction`: they run
 * before there is a user or a tenant. Each validates its input with zod and never says whether an
 * email has an account (a wrong email and a wrong password give the same message).
 */
const credentials = z.object({
  email: z.email('Enter a valid email address').max(254),
  password: z.string().min(1, 'Enter your password').max(200),
  next: z.string().max(2048).optional(),
});

function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

async function signInAndLand(email: string, password: string, next: string | undefined): Promise<ActionState> {
  try {
    // redirect: false → Auth.js sets the cookie and returns; we choose the destination ourselves.
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, error: 'Wrong email or password' };
    throw error;
  }
  // The new session cookie is not readable in this same request, so find the user by email.
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  // The browser navigates (a full load, see <RedirectOnSuccess>), not `redirect()`: Next renders
  // an action's redirect target inside the same request, past the middleware, so `/dashboard` on a
  // tenant host (or a session-mode tenant chosen by the new cookie) would not resolve.
  return { ok: true, data: { redirectTo: user ? await landingPath(user.id, next) : '/' } };
}

export async function signInWithPassword(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const parsed = credentials.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  return signInAndLand(parsed.data.email, parsed.data.password, parsed.data.next);
}

const magicLink = z.object({ email: z.email('Enter a valid email address').max(254), next: z.string().max(2048).optional() });

export async function signInWithEmail(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const parsed = magicLink.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  try {
    await signIn('email', { email: parsed.data.email.trim().toLowerCase(), redirect: false, redirectTo: parsed.data.next || '/' });
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, error: 'Could not send a sign-in link' };
    throw error;
  }
  return { ok: true, message: 'Check your email for a sign-in link.' };
}

const oauth = z.object({ provider: z.enum(['github', 'google']), next: z.string().max(2048).optional() });

export async function signInWithProvider(formData: FormData): Promise<void> {
  const parsed = oauth.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect('/login');
  await signIn(parsed.data.provider, { redirectTo: parsed.data.next || '/' });
}

export async function signUp(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const parsed = signUpSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const created = await createUserWithPassword(parsed.data);
  if (!created.ok) return { ok: false, fieldErrors: { email: [created.error] } };
  return signInAndLand(parsed.data.email, parsed.data.password, parsed.data.next);
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
