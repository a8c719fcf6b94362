import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetPasswordForm } from '@/components/accounts/reset-password-form';
import { isLiveResetToken } from '@/lib/accounts/password-reset';

export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' };

type Props = { params: Promise<{ token: string }> };

export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  const live = await isLiveResetToken(token);
  return (
    <main className="mx-auto max-w-sm space-y-6 p-8">
      <h1 className="text-2xl font-semibold">Choose a new password</h1>
      {live ? (
        <>
          <p className="text-sm">Every other session of this account will be signed out.</p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <p role="alert" data-testid="reset-invalid" className="text-sm text-red-600">
          This reset link is not valid any more.{' '}
          <Link className="underline" href="/forgot-password">
            Ask for a new one
          </Link>
          .
        </p>
      )}
    </main>
  );
}
