import 'server-only';
import { headers } from 'next/headers';
import type { ActionState } from '@/lib/actions/action-state';
import { clientIp } from '@/lib/actions/client-ip';
import { inputErrors } from '@/lib/actions/field-errors';
import { signInAndLand } from '@/lib/auth/form-actions';
import { rateLimitMessage } from '@/lib/rate-limit';
import { RESET_SENT, SIGN_UP_SENT } from './messages';
import { requestPasswordReset, resetPassword } from './password-reset';
import { forgotPasswordSchema, resetPasswordSchema, signUpSchema, verifyEmailSchema } from './schemas';
import { requestSignUp } from './sign-up';
import { throttleAccountMail } from './throttle';
import { verifyEmailWithPassword } from './verify-email';

/**
 * The account forms' bodies (entry points in components/accounts/actions.ts). Like sign-in, they
 * run before there is a user or a tenant, so they are not tenant actions; each validates with zod,
 * and the two that mail a stranger are throttled per address and per IP.
 */
function parseForm<T>(
  schema: {
    safeParse(
      input: unknown,
    ): { success: true; data: T } | { success: false; error: Parameters<typeof inputErrors>[0] };
  },
  formData: FormData,
): { ok: true; data: T } | { ok: false; state: ActionState } {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, state: { ok: false, fieldErrors: inputErrors(parsed.error).fieldErrors } };
  return { ok: true, data: parsed.data };
}

export async function signUpBody(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const form = parseForm(signUpSchema, formData);
  if (!form.ok) return form.state;
  const limit = await throttleAccountMail('sign-up', form.data.email, clientIp(await headers()));
  if (!limit.ok) return { ok: false, error: rateLimitMessage(limit.retryAfterSeconds) };
  await requestSignUp(form.data);
  return { ok: true, message: SIGN_UP_SENT };
}

export async function verifyEmailBody(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const form = parseForm(verifyEmailSchema, formData);
  if (!form.ok) return form.state;
  const result = await verifyEmailWithPassword(form.data.token, form.data.password);
  if (!result.ok) return { ok: false, error: result.error };
  return signInAndLand(result.email, form.data.password, undefined);
}

export async function forgotPasswordBody(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const form = parseForm(forgotPasswordSchema, formData);
  if (!form.ok) return form.state;
  const limit = await throttleAccountMail('password-reset', form.data.email, clientIp(await headers()));
  if (!limit.ok) return { ok: false, error: rateLimitMessage(limit.retryAfterSeconds) };
  await requestPasswordReset(form.data.email);
  return { ok: true, message: RESET_SENT };
}

export async function resetPasswordBody(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const form = parseForm(resetPasswordSchema, formData);
  if (!form.ok) return form.state;
  const result = await resetPassword(form.data.token, form.data.password);
  if (!result.ok) return { ok: false, error: result.error };
  return signInAndLand(result.email, form.data.password, undefined);
}
