/**
 * Auth.js settings that are safe on the edge (no database, no password hashing): session strategy, pages,
 * cookies and the session callback. `lib/auth/auth.ts` adds the adapter, providers and the jwt
 * callback (which reads memberships) for the Node runtime, plus the secret — read per request
 * (getAuthSecret) so `next build` never needs AUTH_SECRET. The middleware never runs Auth.js
 * itself; it only verifies the session token with the same secret (lib/auth/session-claims.ts).
 */
import type { NextAuthConfig } from 'next-auth';
import { env } from '@/lib/env';

/**
 * Cookies are host-only by default: `acme.localhost` and `globex.localhost` each keep their own
 * cookie (browsers refuse `Domain=localhost`), and a handoff ticket carries the session between
 * them (lib/auth/handoff/). In production set AUTH_COOKIE_DOMAIN=.example.com to share one cookie
 * across every tenant subdomain (HTTPS only, hence the `__Secure-` name that
 * lib/auth/session-claims.ts also looks for on https requests).
 */
function sharedSessionCookie(): NextAuthConfig['cookies'] {
  const domain = env.AUTH_COOKIE_DOMAIN;
  if (!domain) return undefined;
  return {
    sessionToken: {
      name: '__Secure-authjs.session-token',
      options: { domain, httpOnly: true, sameSite: 'lax', path: '/', secure: true },
    },
  };
}

export const authConfig = {
  // Many tenant hosts share one deployment. Auth.js never builds a URL from the request's host:
  // lib/auth/auth.ts pins AUTH_URL to the configured origin (lib/urls) before every call, and the
  // middleware refuses hosts that are not the deployment's (421).
  trustHost: true,
  session: { strategy: 'jwt' },
  pages: { signIn: '/login', verifyRequest: '/login?check=email', error: '/login' },
  cookies: sharedSessionCookie(),
  providers: [],
  callbacks: {
    session({ session, token }) {
      if (token.sub && session.user) session.user.id = token.sub;
      // The sessionVersion at sign-in; getSessionUser compares it with the user row (lib/auth/session.ts).
      if (typeof token.sv === 'number') session.sv = token.sv;
      return session;
    },
  },
} satisfies NextAuthConfig;
