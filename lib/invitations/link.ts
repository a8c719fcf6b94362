import { absoluteUrl } from '@/lib/urls/tenant-origin';

/**
 * The absolute accept link for an invitation. `/invite` is an app-level route on every host and
 * in every resolver mode, and the origin comes from configuration (APP_URL), never from the
 * request's Host or X-Forwarded-Host, so a forged header cannot redirect the link.
 */
export function invitationLink(token: string): string {
  return absoluteUrl(`/invite/${token}`);
}
