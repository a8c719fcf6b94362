import 'server-only';
import type { ActionState } from '@/lib/actions/action-state';
import { inputErrors } from '@/lib/actions/field-errors';
import { spendAttempt, throttleMessage } from '@/lib/rate-limit/auth-throttle';
import { RESET_SENT, SIGN_UP_SENT } from './messages';
import { requestPasswordReset } from './password-reset';
import { forgotPasswordSchema, signUpSchema } from './schemas';
import { requestSignUp } from './sign-up';

/**
 * The two account forms that mail a stranger, with explicit inputs (the client IP from the
 * request), so tests compare their answers for known and unknown addresses directly. Throttled
 * per address and per IP before anything else happens.
 */
export function parseForm<T>(
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

/** Sign-up with explicit inputs (the client IP from the request), so tests compare answers directly. */
export async function submitSignUp(formData: FormData, ip: string | null): Promise<ActionState> {
  const form = parseForm(signUpSchema, formData);
  if (!form.ok) return form.state;
  // The same per-IP and per-account budgets as every other sign-in door (lib/rate-limit/auth-throttle.ts).
  const limit = await spendAttempt('signUp', { ip, account: form.data.email });
  if (!limit.ok) return { ok: false, error: throttleMessage(limit.retryAfterSeconds) };
  await requestSignUp(form.data);
  return { ok: true, message: SIGN_UP_SENT };
}

export async function submitForgotPassword(formData: FormData, ip: string | null): Promise<ActionState> {
  const form = parseForm(forgotPasswordSchema, formData);
  if (!form.ok) return form.state;
  const limit = await spendAttempt('passwordReset', { ip, account: form.data.email });
  if (!limit.ok) return { ok: false, error: throttleMessage(limit.retryAfterSeconds) };
  await requestPasswordReset(form.data.email);
  return { ok: true, message: RESET_SENT };
}
