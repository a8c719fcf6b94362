import { createHash, randomBytes } from 'node:crypto';
import type { ScopedClient } from '@/lib/db';

/**
 * Single-use account links (verify an address, reset a password).
 *
 * Invariants (tests/accounts/verified-accounts.test.ts): only the SHA-256 of a token is stored; a
 * token is consumed by a conditional update (`usedAt IS NULL AND expiresAt > now`), so of two
 * concurrent uses one wins; a reset token lives 30 minutes, a verification token 24 hours; issuing
 * a new token of a purpose retires the user's older ones.
 */
export type TokenPurpose = 'verify-email' | 'reset-password';
export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  'verify-email': 24 * 60 * 60 * 1000,
  'reset-password': 30 * 60 * 1000,
};

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
type TokenClient = Pick<ScopedClient, 'accountToken'>;

export function hashAccountToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function isWellFormedAccountToken(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_PATTERN.test(token);
}

export async function issueAccountToken(
  client: TokenClient,
  input: { userId: string; email: string; purpose: TokenPurpose; now?: Date },
): Promise<{ token: string; id: string }> {
  const now = input.now ?? new Date();
  await client.accountToken.updateMany({
    where: { userId: input.userId, purpose: input.purpose, usedAt: null },
    data: { usedAt: now },
  });
  const token = randomBytes(32).toString('base64url');
  const row = await client.accountToken.create({
    data: {
      userId: input.userId,
      email: input.email,
      purpose: input.purpose,
      tokenHash: hashAccountToken(token),
      expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[input.purpose]),
    },
    select: { id: true },
  });
  return { token, id: row.id };
}

export type LiveToken = { id: string; userId: string; email: string };

/** The unused, unexpired token of `purpose`, or null. Does not consume it. */
export async function findLiveToken(
  client: TokenClient,
  token: unknown,
  purpose: TokenPurpose,
  now = new Date(),
): Promise<LiveToken | null> {
  if (!isWellFormedAccountToken(token)) return null;
  return client.accountToken.findFirst({
    where: { tokenHash: hashAccountToken(token), purpose, usedAt: null, expiresAt: { gt: now } },
    select: { id: true, userId: true, email: true },
  });
}

/** Marks the token used; false when someone else used it first (or it expired meanwhile). */
export async function consumeToken(client: TokenClient, id: string, now = new Date()): Promise<boolean> {
  const { count } = await client.accountToken.updateMany({
    where: { id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1;
}
