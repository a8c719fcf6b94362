import type { Metadata } from 'next';
import { VerifyEmailForm } from '@/components/accounts/verify-email-form';

export const metadata: Metadata = { title: 'Confirm your address', referrer: 'no-referrer' };

type Props = { params: Promise<{ token: string }> };

// The token is checked when the form is sent (with the password), so this page reveals nothing.
export default async function VerifyEmailPage({ params }: Props) {
  const { token } = await params;
  return (
    <main className="mx-auto max-w-sm space-y-6 p-8">
      <h1 className="text-2xl font-semibold">Confirm your address</h1>
      <p className="text-sm">Enter the password you chose when you signed up to confirm this address.</p>
      <VerifyEmailForm token={token} />
    </main>
  );
}
