import 'server-only';
import { PrismaAdapter } from '@auth/prisma-adapter';
import NextAuth, { type NextAuthConfig } from 'next-auth';
import { authConfig } from '@/auth.config';
import { claimUnverifiedAccount, currentSessionVersion, SESSION_VERSION_CLAIM } from '@/lib/accounts/session-version';
import { db } from '@/lib/db';
import { pinAuthJsUrl } from '@/lib/env';
import { appOrigin } from '@/lib/urls/app-origin';
import { isDeploymentHost } from '@/lib/urls/deployment-host';
import { authLogger } from './logger';
import { isSessionRevoked } from './revocation';
import { buildProviders } from './providers';
import { getAuthSecret } from './secret';
import { withSignInClaims, withSwitchedTenant } from './tenant-claims';

/**
 * The Auth.js instance for the Node runtime: `auth()` (who is signed in), `signIn`, `signOut`,
 * `unstable_update` (re-issues the token; the tenant switcher uses it) and the route `handlers`.
 */
declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name?: string | null; image?: string | null };
    /** Only ever sent TO `update()`; the jwt callback checks membership before using it. */
    tenant?: string;
    /** The user's sessionVersion when this session was issued (lib/accounts/session-version.ts). */
    sv?: number;
  }
}

/**
 * Where Auth.js may redirect after a sign-in or sign-out: a path (on the configured origin), or an
 * absolute URL on one of the deployment's hosts. Anything else goes to the origin's root.
 */
async function redirectWithinDeployment({ url, baseUrl }: { url: string; baseUrl: string }): Promise<string> {
  if (url.startsWith('/') && !url.startsWith('//')) return `${baseUrl}${url}`;
  try {
    const target = new URL(url);
    if ((target.protocol === 'http:' || target.protocol === 'https:') && (await isDeploymentHost(target.host)))
      return target.toString();
  } catch {
    // not a URL: fall through
  }
  return baseUrl;
}

// Lazy config: evaluated per request, so the secret and provider env are read at run time, not
// while `next build` collects pages (where production refuses to run without AUTH_SECRET).
// Auth.js builds every URL it emits (magic links above all) from AUTH_URL when set, else from the
// request's X-Forwarded-Host/Host — a client's choice. Pin it to the configured origin first
// (issue 10, finding 2; tests/http/hosts.test.ts).
export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth(() => {
  pinAuthJsUrl(appOrigin());
  return authJsConfig();
});

function authJsConfig(): NextAuthConfig {
  return {
    ...authConfig,
    secret: getAuthSecret(),
    adapter: PrismaAdapter(db),
    providers: buildProviders(),
    callbacks: {
      ...authConfig.callbacks,
      redirect: redirectWithinDeployment,
      async signIn({ user, account, email }) {
        // The magic link was clicked (not merely requested): the mailbox is proven. An unverified
        // account's password and sessions were set by someone who had not proved it (pre-hijack).
        if (account?.type === 'email' && !email?.verificationRequest && user.id) await claimUnverifiedAccount(user.id);
        return true;
      },
      async jwt({ token, user, trigger, session }) {
        if (user?.id) {
          const version = (await currentSessionVersion(user.id)) ?? 0;
          return withSignInClaims({ ...token, sub: user.id, [SESSION_VERSION_CLAIM]: version }, user.id);
        }
        // Signed out on some host: every copy of this session ends (lib/auth/revocation.ts).
        if (await isSessionRevoked(token.sid)) return null;
        if (trigger === 'update')
          return withSwitchedTenant(token, (session as { tenant?: unknown } | undefined)?.tenant);
        return token;
      },
    },
    logger: authLogger,
  };
}
