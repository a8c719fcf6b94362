import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { acceptInvitation } from '@/components/invitations/actions';
import { AcceptInvitationForm } from '@/components/invitations/accept-invitation-form';
import { getSessionUser } from '@/lib/auth/session';
import { normalizeEmail, previewInvitation, userExists } from '@/lib/invitations/invitations';

export const metadata: Metadata = { title: 'Invitation' };

type Props = { params: Promise<{ token: string }> };

const ROLE_WORDS = { OWNER: 'an owner', ADMIN: 'an admin', MEMBER: 'a member' } as const;

/**
 * App-level route: the token, not the host or path, names the tenant. Viewing changes nothing;
 * joining is a POST (the button), and needs a sign-in as the invited email.
 */
export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const invitation = await previewInvitation(token);
  const here = `/invite/${encodeURIComponent(token)}`;

  if (!invitation.ok) {
    return (
      <AuthCard title="Invitation">
        <p role="alert" className="font-medium text-destructive" data-testid="invite-error">
          {invitation.message}
        </p>
      </AuthCard>
    );
  }

  const user = await getSessionUser();
  const next = encodeURIComponent(here);
  const rightUser = user !== null && normalizeEmail(user.email) === invitation.email;

  return (
    <AuthCard title={`Join ${invitation.tenant.name}`}>
      <p>
        <strong>{invitation.email}</strong> has been invited to join <strong>{invitation.tenant.name}</strong> as{' '}
        {ROLE_WORDS[invitation.role]}.
      </p>
      {rightUser ? (
        <AcceptInvitationForm action={acceptInvitation} token={token} tenantName={invitation.tenant.name} />
      ) : user ? (
        <div className="space-y-2" data-testid="invite-wrong-user">
          <p role="alert" className="text-sm font-medium text-destructive">
            You are signed in as {user.email}, but this invitation is for {invitation.email}. Sign out, then sign in as{' '}
            {invitation.email} to accept it.
          </p>
          <SignOutButton />
        </div>
      ) : (await userExists(invitation.email)) ? (
        <p>
          <Link
            className="font-medium underline underline-offset-4"
            href={`/login?next=${next}`}
            data-testid="invite-sign-in"
          >
            Sign in as {invitation.email}
          </Link>{' '}
          to accept.
        </p>
      ) : (
        <p>
          <Link
            className="font-medium underline underline-offset-4"
            href={`/signup?next=${next}`}
            data-testid="invite-sign-up"
          >
            Create an account for {invitation.email}
          </Link>{' '}
          (or{' '}
          <Link className="font-medium underline underline-offset-4" href={`/login?next=${next}`}>
            sign in
          </Link>
          ) to accept.
        </p>
      )}
    </AuthCard>
  );
}
