import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { landingPath } from '@/lib/auth/landing';
import { safeNextPath } from '@/lib/auth/safe-next';
import { getSessionUser } from '@/lib/auth/session';
import { invitedEmailFromNext } from '@/lib/invitations/invited-email';

export const metadata: Metadata = { title: 'Sign up' };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignUpPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === 'string' ? params.next : undefined, '') || undefined;
  const user = await getSessionUser();
  if (user) redirect(await landingPath(user.id, next));
  const email = await invitedEmailFromNext(next);
  return (
    <AuthCard title="Create your account" description={email ? `You were invited as ${email}.` : undefined}>
      <SignUpForm next={next} email={email} />
    </AuthCard>
  );
}
