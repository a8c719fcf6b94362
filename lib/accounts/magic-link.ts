import { createHash } from 'node:crypto';
import { queuePlatformMail } from '@/lib/mail/send';

/**
 * Queues the magic-link mail. Auth.js builds the link on the request's origin; only its path and
 * query are kept, and the mail job puts them on APP_URL (lib/urls), so a request with a forged
 * Host or X-Forwarded-Host cannot make us mail a link to another site. The callback URL inside the
 * query is checked by Auth.js's redirect callback against that same origin.
 */
export async function magicLinkMail(email: string, link: string): Promise<void> {
  const url = new URL(link);
  // The callback URL Auth.js embeds is absolute on the request's origin: keep only its path, which
  // Auth.js resolves against the origin the link is opened on (APP_URL).
  const callback = url.searchParams.get('callbackUrl');
  if (callback) {
    const target = new URL(callback, url.origin);
    url.searchParams.set('callbackUrl', `${target.pathname}${target.search}`);
  }
  const eventKey = `magic-link:${createHash('sha256').update(link).digest('hex')}`;
  await queuePlatformMail({ eventKey, to: email, template: 'magic-link', path: `${url.pathname}${url.search}` });
}
