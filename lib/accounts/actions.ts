import 'server-only';
import { headers } from 'next/headers';
import type { ActionState } from '@/lib/actions/action-state';
import { clientIp } from '@/lib/actions/client-ip';
import { signInAndLand } from '@/lib/auth/form-actions';
import { resetPassword } from './password-reset';
import { parseForm, submitForgotPassword, submitSignUp } from './requests';
import { resetPasswordSchema, verifyEmailSchema } from './schemas';
import { verifyEmailWithPassword } from './verify-email';

/**
 * The account forms' bodies (entry points in components/accounts/actions.ts). Like sign-in, they
 * run before there is a user or a tenant, so they are not tenant actions; each validates with zod,
 * and the two that mail a stranger are throttled per address and per IP.
 */
export async function signUpBody(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return submitSignUp(formData, clientIp(await headers()));
}

export async function verifyEmailBody(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const form = parseForm(verifyEmailSchema, formData);
  if (!form.ok) return form.state;
  const result = await verifyEmailWithPassword(form.data.token, form.data.password);
  if (!result.ok) return { ok: false, error: result.error };
  return signInAndLand(result.email, form.data.password, undefined);
}

export async function forgotPasswordBody(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return submitForgotPassword(formData, clientIp(await headers()));
}

export async function resetPasswordBody(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const form = parseForm(resetPasswordSchema, formData);
  if (!form.ok) return form.state;
  const result = await resetPassword(form.data.token, form.data.password);
  if (!result.ok) return { ok: false, error: result.error };
  return signInAndLand(result.email, form.data.password, undefined);
}
