'use client';

import { forgotPassword } from './actions';
import { AccountForm } from './account-form';

const FIELDS = [{ name: 'email', label: 'Email', type: 'email', autoComplete: 'email' }] as const;

export function ForgotPasswordForm() {
  return <AccountForm action={forgotPassword} fields={FIELDS} submit="Send me a reset link" pending="Sending…" />;
}
