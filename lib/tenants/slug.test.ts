import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isReservedSlug,
  isValidSlug,
  normalizeSlug,
  RESERVED_SLUGS,
  SLUG_PATTERN,
  toSlug,
  validateNewSlug,
} from './slug';

describe('slug rule', () => {
  it.each(['a', 'acme', 'acme-corp', 'a1', '9lives', 'xn--bcher-kva', 'a'.repeat(63)])('accepts %j', (slug) => {
    expect(isValidSlug(slug)).toBe(true);
  });

  it.each([
    '',
    '-acme',
    'acme-',
    'Acme',
    'ac me',
    'acme.corp',
    'acme_corp',
    'acme/x',
    '..',
    'acme\n',
    'a'.repeat(64),
    'bücher',
    'acme%0a',
  ])('rejects %j', (value) => {
    expect(isValidSlug(value)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isValidSlug(42)).toBe(false);
    expect(normalizeSlug(undefined)).toBeNull();
    expect(normalizeSlug({ toString: () => 'acme' })).toBeNull();
  });

  it('normalizes by trimming and lower-casing', () => {
    expect(normalizeSlug('  ACME-Corp ')).toBe('acme-corp');
    expect(normalizeSlug('ACME\n')).toBe('acme');
  });

  it('toSlug lower-cases but does not trim, so an encoded newline stays invalid', () => {
    expect(toSlug('ACME')).toBe('acme');
    expect(toSlug('acme\n')).toBeNull();
    expect(toSlug(' acme')).toBeNull();
  });

  it('never returns anything that is not a slug, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (value) => {
        const slug = normalizeSlug(value);
        return slug === null || (SLUG_PATTERN.test(slug) && slug.length <= 63);
      }),
    );
  });
});

describe('validateNewSlug', () => {
  it('accepts a fresh, well-formed slug and returns it normalized', () => {
    expect(validateNewSlug(' New-Co ')).toEqual({ ok: true, slug: 'new-co' });
  });

  it('refuses a malformed slug with reason "format"', () => {
    const result = validateNewSlug('new co!');
    expect(result).toMatchObject({ ok: false, reason: 'format' });
    if (!result.ok) expect(result.message).toMatch(/letters, digits or hyphens/);
  });

  it.each(['www', 'API', 'admin', 'app', 'static', 'media', '_next', 'login', 'onboarding', 'auth', 'settings'])(
    'refuses the reserved word %j',
    (word) => {
      // `_next` is not even a valid slug: reserved or format, it can never be created.
      expect(validateNewSlug(word).ok).toBe(false);
    },
  );

  it('reports reserved words with reason "reserved"', () => {
    expect(validateNewSlug('Dashboard')).toMatchObject({ ok: false, reason: 'reserved' });
    expect(isReservedSlug('WWW')).toBe(true);
    expect(isReservedSlug('acme')).toBe(false);
  });

  it('keeps every reserved word lower-case', () => {
    for (const word of RESERVED_SLUGS) expect(word).toBe(word.toLowerCase());
  });
});
