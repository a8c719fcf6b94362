import 'server-only';
import { db } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import { queuePlatformMail } from '@/lib/mail/send';
import { issueAccountToken } from './tokens';

/**
 * Sign-up with a password, verified by email.
 *
 * Invariants (tests/accounts/verified-accounts.test.ts):
 * - the caller gets the same answer for a new, an unverified and a verified address;
 * - an account is usable (password sign-in, invitations) only once its address is verified, by a
 *   link mailed to it and the password chosen here (./verify-email.ts);
 * - a verified account is never touched by a sign-up; an UNVERIFIED one proves nothing about who
 *   set its password, so a later sign-up replaces that password and signs out its sessions —
 *   whoever controls the mailbox and knows the latest password is the one who can verify it.
 * The user row, the token and the mail job commit together.
 */
export type SignUpRequest = { name: string; email: string; password: string };

export async function requestSignUp(input: SignUpRequest, now = new Date()): Promise<void> {
  // Hashed first on every path, so a known address costs as long as an unknown one.
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({
      where: { email: input.email },
      select: { id: true, emailVerified: true },
    });
    if (existing?.emailVerified) return;
    const user = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: { name: input.name, passwordHash, sessionVersion: { increment: 1 } },
          select: { id: true },
        })
      : await tx.user.create({ data: { name: input.name, email: input.email, passwordHash }, select: { id: true } });
    const { token, id } = await issueAccountToken(tx, {
      userId: user.id,
      email: input.email,
      purpose: 'verify-email',
      now,
    });
    await queuePlatformMail(
      {
        eventKey: `verify-email:${id}`,
        to: input.email,
        template: 'verify-email',
        path: `/verify-email/${token}`,
        name: input.name,
      },
      tx,
    );
  });
}
