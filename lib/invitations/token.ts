import { createHash, randomBytes } from 'node:crypto';

/**
 * Invitation tokens. The link carries 32 random bytes; the database keeps only their SHA-256, so a
 * leaked table (or a backup) cannot be turned into working invitations. A plain hash (no salt, no
 * slow KDF) is enough because the token has 256 bits of entropy: nothing to guess or brute-force.
 */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** base64url of 32 random bytes: 43 URL-safe characters. */
export function generateInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A token as it can appear in the link; anything else is refused before it reaches a query. */
export function isWellFormedInvitationToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
