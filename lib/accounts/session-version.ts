import { db, withoutTenant } from '@/lib/db';

/**
 * Sessions are JWTs, so they cannot be deleted; instead each carries the user's `sessionVersion`
 * (claim `sv`) from sign-in, and `getSessionUser` (lib/auth/session.ts — the one caller of
 * `auth()`: every page, action and route handler goes through it) compares it with the user row
 * it re-reads anyway. A password reset or a magic-link claim of an unverified account bumps the
 * version, so every older session is refused from its next request on.
 * Tests: tests/accounts/verified-accounts.test.ts, e2e/accounts.spec.ts.
 */
export const SESSION_VERSION_CLAIM = 'sv';

/** A token without the claim is from before versions existed: version 0. */
export function sessionVersionMatches(current: number, claim: unknown): boolean {
  return (typeof claim === 'number' ? claim : 0) === current;
}

export async function currentSessionVersion(userId: string): Promise<number | null> {
  // The owner client: a user row belongs to no tenant (lib/auth/membership.ts says why).
  const user = await withoutTenant((c) =>
    c.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } }),
  );
  return user?.sessionVersion ?? null;
}

/** Would a session carrying `claim` still be accepted for this user? */
export async function isSessionCurrent(userId: string, claim: unknown): Promise<boolean> {
  const current = await currentSessionVersion(userId);
  return current !== null && sessionVersionMatches(current, claim);
}

/**
 * A magic-link sign-in proves control of the mailbox. If the account was never verified, whatever
 * password and sessions it has were set by someone who had not proved that (a pre-hijack): drop
 * the password and bump the version before the new session is issued.
 */
export async function claimUnverifiedAccount(userId: string): Promise<void> {
  await db.user.updateMany({
    where: { id: userId, emailVerified: null },
    data: { passwordHash: null, sessionVersion: { increment: 1 } },
  });
}
