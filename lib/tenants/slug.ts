/**
 * The tenant slug rule (docs/architecture.md, "Keys and identifiers"): lower-case DNS label characters, 1–63
 * long, no leading or trailing hyphen. Every value that reaches a rewrite, a header or a query goes
 * through here first, so nothing with `/`, `.`, `:`, `%`, whitespace or non-ASCII can ever be a slug.
 * Tests: lib/tenants/slug.test.ts.
 */
import { RESERVED_WORDS } from './reserved-words';

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export const SLUG_MAX_LENGTH = 63;

/** True when `value` already IS a slug (no trimming, no case folding). */
export function isValidSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
}

/** Lower-case only; anything else wrong (whitespace, an encoded newline) makes it invalid. */
export function toSlug(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > SLUG_MAX_LENGTH) return null;
  const lower = value.toLowerCase();
  return SLUG_PATTERN.test(lower) ? lower : null;
}

/** Trim and lower-case `value`; null unless the result is a valid slug. */
export function normalizeSlug(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return toSlug(value.trim());
}

/**
 * Words no tenant may take (lib/tenants/reserved-words.ts): checked when a slug is CREATED
 * (onboarding); resolvers follow the configured exclude lists, whose defaults are drawn from it.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(RESERVED_WORDS);

export function isReservedSlug(slug: string): boolean {
  return RESERVED_SLUGS.has(slug.toLowerCase());
}

export type SlugValidation = { ok: true; slug: string } | { ok: false; reason: 'format' | 'reserved'; message: string };

/** For onboarding: is `value` acceptable as a NEW tenant's slug? (Uniqueness is checked against the database elsewhere.) */
export function validateNewSlug(value: unknown): SlugValidation {
  const slug = normalizeSlug(value);
  if (slug === null) {
    return {
      ok: false,
      reason: 'format',
      message: 'Use 1–63 lower-case letters, digits or hyphens, starting and ending with a letter or digit.',
    };
  }
  if (RESERVED_SLUGS.has(slug)) {
    return { ok: false, reason: 'reserved', message: `"${slug}" is reserved; please choose another.` };
  }
  return { ok: true, slug };
}
