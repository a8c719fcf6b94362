import type { Metadata } from 'next';
import Link from 'next/link';
import { ForgotPasswordForm } from '@/components/accounts/forgot-password-form';

export const metadata: Metadata = { title: 'Forgot password' };

export default function ForgotPasswordPage() {
  return (
    <main className="mx-auto max-w-sm space-y-6 p-8">
      <h1 className="text-2xl font-semibold">Reset your password</h1>
      <p className="text-sm">Enter the address of your account; we will email it a link to choose a new password.</p>
      <ForgotPasswordForm />
      <p className="text-sm">
        <Link className="underline" href="/login">
          Back to sign in
        </Link>
      </p>
    </main>
  );
}
