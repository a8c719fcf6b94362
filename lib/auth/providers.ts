import 'server-only';
import type { NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import { z } from 'zod';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { magicLinkMail } from '@/lib/accounts/magic-link';
import { clientIp } from '@/lib/actions/client-ip';
import { forgive, spendAttempt } from '@/lib/rate-limit/auth-throttle';
import { checkPassword, hashPassword } from './password';

type Providers = NextAuthConfig['providers'];

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  password: z.string().min(1).max(200),
});

/**
 * The user for an email + password, or null. Never throws for bad input; the caller logs one line.
 * Throttled here, not in the form action, because the Auth.js route (`/api/auth/callback/credentials`)
 * reaches this too: an exhausted budget is a null before any hash is computed (the form then says
 * "Too many attempts", lib/auth/form-actions.ts). A legacy bcrypt hash is replaced on success.
 */
export async function authorizeCredentials(raw: unknown, request?: Request) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const subject = { ip: request ? clientIp(request.headers) : null, account: parsed.data.email };
  if (!(await spendAttempt('signIn', subject)).ok) return null;
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, email: true, name: true, image: true, passwordHash: true, emailVerified: true },
  });
  const check = await checkPassword(parsed.data.password, user?.passwordHash);
  if (!check.ok || !user) return null;
  // A password on an unverified address proves nothing about who owns it (sign-up mails a link first).
  if (!user.emailVerified) return null;
  await forgive('signIn', subject);
  if (check.needsRehash) {
    const passwordHash = await hashPassword(parsed.data.password);
    await db.user.update({ where: { id: user.id }, data: { passwordHash } });
  }
  return { id: user.id, email: user.email, name: user.name, image: user.image };
}

/**
 * Magic link: Auth.js stores a hashed one-time token (VerificationToken) and hands us the link,
 * which goes out through the job queue (lib/accounts/magic-link.ts rebuilds it on APP_URL, so a
 * forged Host cannot redirect it).
 */
function magicLinkProvider(): Providers[number] {
  return {
    id: 'email',
    type: 'email',
    name: 'Email',
    from: env.EMAIL_FROM,
    maxAge: 60 * 60,
    options: {},
    async sendVerificationRequest({ identifier, url }) {
      await magicLinkMail(identifier, url);
    },
  };
}

const githubEnabled = () => Boolean(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET);
const googleEnabled = () => Boolean(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET);

export function buildProviders(): Providers {
  const providers: Providers = [
    Credentials({
      id: 'credentials',
      name: 'Email and password',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      authorize: authorizeCredentials,
    }),
  ];
  providers.push(magicLinkProvider());
  // Auth.js reads AUTH_GITHUB_ID / AUTH_GITHUB_SECRET (and the Google pair) itself.
  if (githubEnabled()) providers.push(GitHub);
  if (googleEnabled()) providers.push(Google);
  return providers;
}

/** Which sign-in buttons the login page shows. */
export function enabledProviders(): { email: boolean; github: boolean; google: boolean } {
  return {
    email: true,
    github: githubEnabled(),
    google: googleEnabled(),
  };
}
