import 'server-only';
import { LRUCache } from 'lru-cache';
import { db } from '@/lib/db';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { SESSION_MAX_AGE_SECONDS } from './session-cookie';

/**
 * Signed-out session ids. A session id (`sid` claim) is given at sign-in and copied by every
 * handoff, so one sign-in is one id on every host. Signing out on any host revokes the id, and the
 * jwt callback (lib/auth/auth.ts) drops any token carrying a revoked id — on every host, at its
 * next request in this process and within NOT_REVOKED_TTL_MS on every other instance.
 * Why a cache: the jwt callback runs on every `auth()`; a database read each time would add a
 * statement to every request for an answer that is almost always "no". A revocation is cached
 * for good; "not revoked" for a few seconds. Tests: tests/auth/handoff.test.ts.
 */
export const NOT_REVOKED_TTL_MS = 5_000;

const known = new LRUCache<string, { revoked: boolean; at: number }>({ max: 10_000 });

export async function revokeSession(sessionId: string, userId: string): Promise<void> {
  const expiresAt = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  await db.revokedSession.upsert({
    where: { sessionId },
    create: { sessionId, userId, expiresAt },
    update: {},
    select: { sessionId: true },
  });
  known.set(sessionId, { revoked: true, at: Date.now() });
}

/**
 * While the database is unreachable the answer is "not revoked": the session stays a session, so
 * the visitor gets the 503 page from the membership read that every page does next, instead of
 * being sent to sign in (which would need the database too). Nothing is reachable meanwhile.
 */
export async function isSessionRevoked(sessionId: unknown, now = Date.now()): Promise<boolean> {
  if (typeof sessionId !== 'string' || sessionId === '') return false;
  const hit = known.get(sessionId);
  if (hit && (hit.revoked || now - hit.at < NOT_REVOKED_TTL_MS)) return hit.revoked;
  try {
    const row = await db.revokedSession.findUnique({ where: { sessionId }, select: { sessionId: true } });
    known.set(sessionId, { revoked: row !== null, at: now });
    return row !== null;
  } catch (error) {
    if (isDatabaseUnavailable(error)) return false;
    throw error;
  }
}
