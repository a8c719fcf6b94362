import 'server-only';
import { cache } from 'react';
import { sessionVersionMatches } from '@/lib/accounts/session-version';
import { auth } from './auth';
import { impersonatedUser } from './impersonation';
import { findSessionUser } from './membership';
import type { SessionUser } from './session-user';

export type { Impersonator, SessionUser } from './session-user';

/**
 * The signed-in user for this request, or null. The token proves who signed in; the user row is
 * re-read so a deleted account stops working at once, and so does a session issued before the
 * user's `sessionVersion` was bumped (a password reset, a claimed pre-hijacked account): the same
 * one statement, no extra query. While an operator impersonates a member of this request's tenant,
 * it is that member with `impersonator` set (lib/auth/impersonation.ts). Cached per request (React `cache`).
 * Tests: tests/accounts/verified-accounts.test.ts, tests/platform/impersonation.test.ts.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await findSessionUser(id);
  if (!user || !sessionVersionMatches(user.sessionVersion, session.sv)) return null;
  // An operator impersonating a member of this request's tenant acts as that member (read-only
  // unless granted write); everywhere else, and for everyone else, the session's own user.
  return (await impersonatedUser(id)) ?? { id: user.id, email: user.email, name: user.name, image: user.image };
});
