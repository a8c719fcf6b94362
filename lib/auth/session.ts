import 'server-only';
import { cache } from 'react';
import { auth } from './auth';
import { findSessionUser } from './membership';

export type SessionUser = { id: string; email: string; name: string | null; image: string | null };

/**
 * The signed-in user for this request, or null. The token proves who signed in; the user row is
 * re-read so a deleted account stops working at once. Cached per request (React `cache`).
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return findSessionUser(id);
});
