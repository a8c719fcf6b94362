import { db } from '@/lib/db';

/**
 * Sessions are JWTs, so they cannot be deleted; instead each carries the user's `sessionVersion`
 * (claim `sv`) from sign-in, and the jwt callback compares it with the database on every request
 * that reads the session (`auth()`: every page, action and route handler). A password reset or a
 * magic-link claim of an unverified account bumps the version, so every older session is refused
 * from its next request on. Tests: tests/accounts/verified-accounts.test.ts.
 */
export const SESSION_VERSION_CLAIM = 'sv';

export async function currentSessionVersion(userId: string): Promise<number | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? null;
}

/** True when a token's claim still matches (a token without the claim is from before versions: version 0). */
export async function isSessionCurrent(userId: string, claim: unknown): Promise<boolean> {
  const current = await currentSessionVersion(userId);
  if (current === null) return false;
  return (typeof claim === 'number' ? claim : 0) === current;
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
