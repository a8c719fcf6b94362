import { customPrimaryOrigin } from '@/lib/domains/tenant-origin';
import { absoluteUrl } from '@/lib/urls/tenant-origin';

/**
 * The absolute accept link for an invitation. `/invite` is an app-level route on every host and
 * in every resolver mode, and the origin comes from configuration (APP_URL), never from the
 * request's Host or X-Forwarded-Host, so a forged header cannot redirect the link. The one
 * exception is configuration too: the tenant's verified primary custom domain (docs/custom-domains.md).
 */
export async function invitationLink(token: string, slug?: string): Promise<string> {
  const custom = slug ? await customPrimaryOrigin(slug) : null;
  return custom ? `${custom}/invite/${token}` : absoluteUrl(`/invite/${token}`);
}
