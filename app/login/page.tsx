import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { LoginForm } from '@/components/auth/login-form';
import { OAuthButtons } from '@/components/auth/oauth-buttons';
import { silentSignInUrl } from '@/lib/auth/handoff/silent';
import { landingPath } from '@/lib/auth/landing';
import { enabledProviders } from '@/lib/auth/providers';
import { safeNextPath } from '@/lib/auth/safe-next';
import { getSessionUser } from '@/lib/auth/session';
import { unlessDatabaseUnavailable } from '@/lib/http/database-unavailable';
import { getTenant } from '@/lib/tenants/server';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<{ next?: string | string[]; check?: string; error?: string; sso?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === 'string' ? params.next : undefined, '') || undefined;
  const user = await getSessionUser();
  if (user) redirect(await landingPath(user.id, next));
  // A tenant host first asks the apex whether the browser is signed in there (one sign-in).
  const silent = params.check || params.error ? null : await silentSignInUrl(next, params.sso);
  if (silent) redirect(silent);

  const providers = enabledProviders();
  // A page outside app/[tenant] that still knows the host's tenant (from the same trusted header).
  // Only the public name: the same as GET /api/tenant says to anyone. Signing in must keep
  // working while the database is down (the form then explains), so the name is optional.
  const tenant = await unlessDatabaseUnavailable(() => getTenant());
  return (
    <AuthCard
      title="Sign in"
      description={tenant ? <span data-testid="login-tenant">{`to ${tenant.name}`}</span> : undefined}
    >
      {params.check === 'email' ? (
        <p role="status" className="rounded-md bg-muted p-3 text-sm text-foreground">
          A sign-in link is on its way. In development it is printed in the server console.
        </p>
      ) : null}
      {params.error ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          Sign-in failed. Please try again.
        </p>
      ) : null}
      <LoginForm next={next} magicLink={providers.email} />
      <OAuthButtons next={next} github={providers.github} google={providers.google} />
    </AuthCard>
  );
}
