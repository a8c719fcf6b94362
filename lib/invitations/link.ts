import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';

/**
 * The absolute accept link for an invitation, on the host the inviter is using (`/invite` is an
 * app-level route on every host and in every resolver mode). `APP_URL`, when set, wins: behind a
 * proxy the request host may be an internal name.
 */
export async function invitationLink(token: string): Promise<string> {
  if (env.APP_URL) return `${env.APP_URL}/invite/${token}`;
  const h = await headers();
  const protocol = h.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
  return `${protocol}://${h.get('host') ?? 'localhost'}/invite/${token}`;
}

/** Development convenience (there is no mailer): the link goes to the server console. */
export function logInvitationLink(email: string, link: string): void {
  if (env.NODE_ENV !== 'production' || env.INVITE_LOG_LINKS) {
    logger.info({ area: 'invite', email, link }, 'invitation link (development: no mailer)');
  }
}
