import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetPasswordForm } from '@/components/accounts/reset-password-form';

export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' };

type Props = { params: Promise<{ token: string }> };

// The token is checked when the form is sent. (Checking it here too would re-render the page as
// "invalid" right after a successful reset, unmounting the form before it navigates on.)
export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  return (
    <main className="mx-auto max-w-sm space-y-6 p-8">
      <h1 className="text-2xl font-semibold">Choose a new password</h1>
      <p className="text-sm">Every other session of this account will be signed out.</p>
      <ResetPasswordForm token={token} />
      <p className="text-sm">
        Link expired?{' '}
        <Link className="underline" href="/forgot-password">
          Ask for a new one
        </Link>
        .
      </p>
    </main>
  );
}
