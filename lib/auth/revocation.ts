import 'server-only';
import { db } from '@/lib/db';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { SESSION_MAX_AGE_SECONDS } from './session-cookie';

/**
 * Signed-out session ids. A session id (`sid` claim) is given at sign-in and copied by every
 * handoff, so one sign-in is one id on every host. Signing out on any host revokes the id, and the
 * jwt callback (lib/auth/auth.ts) drops any token carrying a revoked id — on every host, at its
 * next request. Tests: tests/auth/handoff.test.ts.
 */
export async function revokeSession(sessionId: string, userId: string): Promise<void> {
  const expiresAt = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  await db.revokedSession.upsert({
    where: { sessionId },
    create: { sessionId, userId, expiresAt },
    update: {},
    select: { sessionId: true },
  });
}

/**
 * While the database is unreachable the answer is "not revoked": the session stays a session, so
 * the visitor gets the 503 page from the membership read that every page does next, instead of
 * being sent to sign in (which would need the database too). Nothing is reachable meanwhile.
 */
export async function isSessionRevoked(sessionId: unknown): Promise<boolean> {
  if (typeof sessionId !== 'string' || sessionId === '') return false;
  try {
    const row = await db.revokedSession.findUnique({ where: { sessionId }, select: { sessionId: true } });
    return row !== null;
  } catch (error) {
    if (isDatabaseUnavailable(error)) return false;
    throw error;
  }
}
