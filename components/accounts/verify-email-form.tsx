'use client';

import { verifyEmail } from './actions';
import { AccountForm } from './account-form';

const FIELDS = [{ name: 'password', label: 'Password', type: 'password', autoComplete: 'current-password' }] as const;

export function VerifyEmailForm({ token }: { token: string }) {
  return (
    <AccountForm
      action={verifyEmail}
      fields={FIELDS}
      hidden={{ token }}
      submit="Confirm and sign in"
      pending="Confirming…"
    />
  );
}
