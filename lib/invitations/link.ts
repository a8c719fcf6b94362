import 'server-only';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { customPrimaryOrigin } from '@/lib/domains/tenant-origin';
import { absoluteUrl } from '@/lib/urls/tenant-origin';

/**
 * The absolute accept link for an invitation, on the deployment's configured origin (`/invite` is
 * an app-level route on every host and in every resolver mode). Never from the request's Host or
 * X-Forwarded-Host: a client could choose those, and the link carries the invitation's secret
 * (issue 10, finding 2). The one exception is configuration too: the tenant's verified primary domain.
 */
export async function invitationLink(token: string, slug?: string): Promise<string> {
  // A tenant with a verified primary custom domain gets its links there (docs/custom-domains.md).
  const custom = slug ? await customPrimaryOrigin(slug) : null;
  return custom ? `${custom}/invite/${token}` : absoluteUrl(`/invite/${token}`);
}

/** Development convenience (there is no mailer): the link goes to the server console. */
export function logInvitationLink(email: string, link: string): void {
  if (env.NODE_ENV !== 'production' || env.INVITE_LOG_LINKS) {
    logger.info({ area: 'invite', email, link }, 'invitation link (development: no mailer)');
  }
}
