import 'server-only';
import { cache } from 'react';
import { auth } from './auth';
import { sessionVersionMatches } from '@/lib/accounts/session-version';
import { findSessionUser } from './membership';

export type SessionUser = { id: string; email: string; name: string | null; image: string | null };

/**
 * The signed-in user for this request, or null. The token proves who signed in; the user row is
 * re-read so a deleted account stops working at once, and so does a session issued before the
 * user's `sessionVersion` was bumped (a password reset, a claimed pre-hijacked account): the same
 * one statement, no extra query. Cached per request (React `cache`).
 * Tests: tests/accounts/verified-accounts.test.ts, e2e/accounts.spec.ts.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await findSessionUser(id);
  if (!user || !sessionVersionMatches(user.sessionVersion, session.sv)) return null;
  return { id: user.id, email: user.email, name: user.name, image: user.image };
});
