import 'server-only';
import type { NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import { z } from 'zod';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { magicLinkMail } from '@/lib/accounts/magic-link';
import { verifyPassword } from './password';

type Providers = NextAuthConfig['providers'];

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  password: z.string().min(1).max(200),
});

/** The user for an email + password, or null. Never throws for bad input; the caller logs one line. */
export async function authorizeCredentials(raw: unknown) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, email: true, name: true, image: true, passwordHash: true, emailVerified: true },
  });
  if (!(await verifyPassword(parsed.data.password, user?.passwordHash)) || !user) return null;
  // A password on an unverified address proves nothing about who owns it (sign-up mails a link first).
  if (!user.emailVerified) return null;
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
