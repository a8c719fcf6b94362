import { createHash, randomBytes } from 'node:crypto';

/**
 * API key material. A key is `tnt_` + 43 base64url characters (32 random bytes). It is shown to its
 * creator once; the database keeps its SHA-256 (enough for a 256-bit random secret: there is nothing
 * to brute-force, so a slow KDF would only slow every request) and a short prefix to tell keys apart
 * in the list.
 */
export const API_KEY_PREFIX = 'tnt_';
const KEY_PATTERN = /^tnt_[A-Za-z0-9_-]{43}$/;
/** `tnt_` + 6 characters: enough to recognise a key, far too little to guess one. */
const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 6;

export type NewApiKey = { key: string; prefix: string; keyHash: string };

export function generateApiKey(): NewApiKey {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, DISPLAY_PREFIX_LENGTH), keyHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function isWellFormedApiKey(value: unknown): value is string {
  return typeof value === 'string' && KEY_PATTERN.test(value);
}
