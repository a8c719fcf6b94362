import 'server-only';
import { AuthError } from 'next-auth';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ActionState } from '@/lib/actions/action-state';
import { inputErrors } from '@/lib/actions/field-errors';
import { clientIp } from '@/lib/actions/client-ip';
import { navigateTo } from '@/lib/actions/navigate';
import { signIn, signOut } from '@/lib/auth/auth';
import { magicLinkSchema, oauthSchema, passwordSignInSchema } from '@/lib/auth/form-schemas';
import { landingPath } from '@/lib/auth/landing';
import { findUserIdByEmail } from '@/lib/auth/membership';
import { revokeSession } from '@/lib/auth/revocation';
import { safeNextPath } from '@/lib/auth/safe-next';
import { readSessionToken } from '@/lib/auth/session-cookie';
import { handoffStartHref, switchModeFor } from '@/lib/auth/tenant-links';
import { peekAttempt, spendAttempt, throttleMessage } from '@/lib/rate-limit/auth-throttle';
import { getTenancyConfig } from '@/lib/tenants/config';
import { TENANT_SLUG_HEADER } from '@/lib/tenants/headers';

/**
 * Sign-in and sign-out: the bodies behind components/auth/actions.ts (sign-up, email verification
 * and password reset live in lib/accounts/actions.ts). These are the only
 * actions outside `tenantAction`: they run before there is a user or a tenant. Each validates its
 * input with zod and never says whether an email has an account (a wrong email and a wrong
 * password give the same message). Each door is throttled per IP and per account
 * (lib/rate-limit/auth-throttle.ts); sign-in is throttled inside `authorizeCredentials`, which the
 * Auth.js route reaches too, so the form only reads the verdict to choose its message.
 */
const requestIp = async () => clientIp(await headers());

export async function signInAndLand(email: string, password: string, next: string | undefined): Promise<ActionState> {
  try {
    // redirect: false → Auth.js sets the cookie and returns; we choose the destination ourselves.
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const verdict = await peekAttempt('signIn', { ip: await requestIp(), account: email });
    return { ok: false, error: verdict.ok ? 'Wrong email or password' : throttleMessage(verdict.retryAfterSeconds) };
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

/**
 * Where a magic link (or an OAuth sign-in) lands after Auth.js signed the user in — on the
 * configured origin, where the callback runs. Requested on a tenant's host (subdomain mode): the handoff start, which
 * lands back on that host at `next`, signed in there (issue 10, finding 1). Elsewhere: `next`, or
 * the handoff start without a tenant (the user's first).
 */
async function callbackLanding(next: string | undefined): Promise<string> {
  const safe = safeNextPath(next, '');
  const slug = (await headers()).get(TENANT_SLUG_HEADER);
  const mode = switchModeFor(getTenancyConfig().resolvers);
  if (mode === 'subdomain') return slug ? handoffStartHref(slug, safe || '/dashboard') : safe || handoffStartHref();
  return safe || (mode === 'none' ? '/' : handoffStartHref());
}

export async function emailSignIn(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const parsed = magicLinkSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, fieldErrors: inputErrors(parsed.error).fieldErrors };
  const email = parsed.data.email.trim().toLowerCase();
  const verdict = await spendAttempt('magicLink', { ip: await requestIp(), account: email });
  if (!verdict.ok) return { ok: false, error: throttleMessage(verdict.retryAfterSeconds) };
  try {
    await signIn('email', {
      email,
      redirect: false,
      redirectTo: await callbackLanding(parsed.data.next),
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
  await signIn(parsed.data.provider, { redirectTo: await callbackLanding(parsed.data.next) });
}

/**
 * Signs out here and everywhere: the session id is revoked, so copies on other hosts (handoffs)
 * end at their next request, and the session-mode tenant cookie goes too — it must not outlive the
 * session and select a tenant for the next person at this browser (issue 10, findings 1 and 7).
 */
export async function signOutToLogin(): Promise<void> {
  const token = await readSessionToken(await headers());
  if (typeof token?.sid === 'string' && token.sub) await revokeSession(token.sid, token.sub);
  (await cookies()).delete(getTenancyConfig().session.key);
  await signOut({ redirectTo: '/login' });
}
