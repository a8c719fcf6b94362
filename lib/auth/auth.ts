import 'server-only';
import { PrismaAdapter } from '@auth/prisma-adapter';
import NextAuth from 'next-auth';
import { authConfig } from '@/auth.config';
import { claimUnverifiedAccount, currentSessionVersion, SESSION_VERSION_CLAIM } from '@/lib/accounts/session-version';
import { db } from '@/lib/db';
import { authLogger } from './logger';
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

// Lazy config: evaluated per request, so the secret and provider env are read at run time, not
// while `next build` collects pages (where production refuses to run without AUTH_SECRET).
export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth(() => ({
  ...authConfig,
  secret: getAuthSecret(),
  adapter: PrismaAdapter(db),
  providers: buildProviders(),
  callbacks: {
    ...authConfig.callbacks,
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
      if (trigger === 'update') return withSwitchedTenant(token, (session as { tenant?: unknown } | undefined)?.tenant);
      return token;
    },
  },
  logger: authLogger,
}));
