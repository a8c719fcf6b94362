'use client';

import { resetPasswordWithToken } from './actions';
import { AccountForm } from './account-form';

const FIELDS = [
  { name: 'password', label: 'New password (8+ characters)', type: 'password', autoComplete: 'new-password' },
] as const;

export function ResetPasswordForm({ token }: { token: string }) {
  return (
    <AccountForm
      action={resetPasswordWithToken}
      fields={FIELDS}
      hidden={{ token }}
      submit="Set the new password"
      pending="Saving…"
    />
  );
}
