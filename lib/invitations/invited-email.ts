import 'server-only';
import { previewInvitation } from './invitations';

const INVITE_PATH = /^\/invite\/([^/?#]+)$/;

/**
 * The invited address when sign-up was reached from an invitation (`next=/invite/<token>`), so the
 * form starts with it filled in. Only an open invitation answers; anything else is `undefined`.
 * It reveals nothing new: the invitation page already showed this address to whoever holds the token.
 */
export async function invitedEmailFromNext(next: string | undefined): Promise<string | undefined> {
  const token = next?.match(INVITE_PATH)?.[1];
  if (!token) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    return undefined;
  }
  const preview = await previewInvitation(decoded);
  return preview.ok ? preview.email : undefined;
}
