import 'server-only';
import { db } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import { queuePlatformMail } from '@/lib/mail/send';
import { consumeToken, findLiveToken, issueAccountToken } from './tokens';

/**
 * Password reset by email.
 *
 * Invariants (tests/accounts/verified-accounts.test.ts):
 * - requesting a reset answers the same for any address (the caller never learns if it exists);
 * - the token is random, stored as SHA-256, single-use, and expires after 30 minutes;
 * - a reset bumps the user's `sessionVersion`, so every session issued before it stops working
 *   on its next request (lib/accounts/session-version.ts), and mails "password changed";
 * - completing a reset proves control of the mailbox, so it also verifies the address.
 */
export async function requestPasswordReset(email: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (!user) return;
    const { token, id } = await issueAccountToken(tx, { userId: user.id, email, purpose: 'reset-password', now });
    await queuePlatformMail(
      { eventKey: `password-reset:${id}`, to: email, template: 'password-reset', path: `/reset-password/${token}` },
      tx,
    );
  });
}

export type ResetResult = { ok: true; email: string } | { ok: false; error: string };

export async function resetPassword(token: unknown, password: string, now = new Date()): Promise<ResetResult> {
  const live = await findLiveToken(db, token, 'reset-password', now);
  if (!live) return { ok: false, error: 'This reset link is not valid any more. Ask for a new one.' };
  const passwordHash = await hashPassword(password);
  const email = await db.$transaction(async (tx) => {
    if (!(await consumeToken(tx, live.id, now))) return null;
    const user = await tx.user.update({
      where: { id: live.userId },
      data: { passwordHash, sessionVersion: { increment: 1 }, emailVerified: now },
      select: { email: true },
    });
    await queuePlatformMail(
      { eventKey: `password-changed:${live.id}`, to: user.email, template: 'password-changed' },
      tx,
    );
    return user.email;
  });
  return email ? { ok: true, email } : { ok: false, error: 'This reset link was just used. Ask for a new one.' };
}
