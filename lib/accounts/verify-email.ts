import 'server-only';
import { db } from '@/lib/db';
import { verifyPassword } from '@/lib/auth/password';
import { consumeToken, findLiveToken } from './tokens';

/**
 * Confirms an address with the link from the sign-up mail AND the password chosen at sign-up.
 * The password is what stops a pre-hijack: a victim who clicks a link from an attacker's sign-up
 * does not know the attacker's password, so the attacker's account never becomes verified.
 * Tests: tests/accounts/verified-accounts.test.ts.
 */
export type VerifyResult = { ok: true; email: string } | { ok: false; error: string };

const INVALID = 'This link is not valid any more. Sign up again to get a new one.';

export async function verifyEmailWithPassword(
  token: unknown,
  password: string,
  now = new Date(),
): Promise<VerifyResult> {
  const live = await findLiveToken(db, token, 'verify-email', now);
  const user = live
    ? await db.user.findUnique({ where: { id: live.userId }, select: { email: true, passwordHash: true } })
    : null;
  // Compared even without a token, so an invalid link costs as long as a wrong password.
  const passwordOk = await verifyPassword(password, user?.passwordHash);
  if (!live || !user || user.email !== live.email) return { ok: false, error: INVALID };
  if (!passwordOk) return { ok: false, error: 'Wrong password: use the one you chose when you signed up.' };
  const done = await db.$transaction(async (tx) => {
    if (!(await consumeToken(tx, live.id, now))) return false;
    await tx.user.update({ where: { id: live.userId }, data: { emailVerified: now }, select: { id: true } });
    return true;
  });
  return done ? { ok: true, email: user.email } : { ok: false, error: INVALID };
}
