import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { landingPath } from '@/lib/auth/landing';
import { safeNextPath } from '@/lib/auth/safe-next';
import { getSessionUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sign up' };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignUpPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === 'string' ? params.next : undefined, '') || undefined;
  const user = await getSessionUser();
  if (user) redirect(await landingPath(user.id, next));
  return (
    <main className="mx-auto max-w-sm space-y-6 p-8">
      <h1 className="text-2xl font-semibold">Create your account</h1>
      <SignUpForm next={next} />
    </main>
  );
}
