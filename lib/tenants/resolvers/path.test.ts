import { describe, expect, it } from 'vitest';
import { pathResolver } from './path';
import { resolveInput } from './test-input';

const exclude = ['admin', 'api', 'static', 'media', '_next', 'login', 'logout', 'signup', 'onboarding', 'invite'];
const first = pathResolver({ position: 1, exclude });
const slugOf = async (resolver: typeof first, pathname: string) =>
  (await resolver.resolve(resolveInput({ pathname })))?.slug ?? null;

describe('path resolver', () => {
  it('takes the first segment by default', async () => {
    expect(await first.resolve(resolveInput({ pathname: '/acme/dashboard' }))).toEqual({ slug: 'acme', via: 'path' });
    expect(await slugOf(first, '/acme')).toBe('acme');
    expect(await slugOf(first, '/acme/')).toBe('acme');
    expect(await slugOf(pathResolver(), '/acme/x')).toBe('acme');
  });

  it('counts positions from 1', async () => {
    const second = pathResolver({ position: 2, exclude });
    expect(await slugOf(second, '/en/acme/dashboard')).toBe('acme');
    expect(await slugOf(second, '/en')).toBeNull();
    expect(await slugOf(second, '/en/')).toBeNull();
  });

  it('refuses a position below 1', () => {
    expect(() => pathResolver({ position: 0 })).toThrow(RangeError);
  });

  it('finds no tenant at the root or in an empty segment', async () => {
    expect(await slugOf(first, '/')).toBeNull();
    expect(await slugOf(first, '')).toBeNull();
    expect(await slugOf(first, '//acme')).toBeNull();
  });

  it('lower-cases the slug', async () => {
    expect(await slugOf(first, '/ACME/dashboard')).toBe('acme');
  });

  it.each(['/admin', '/API/x', '/Login', '/_next/static/x.js', '/%61dmin/users', '/signup', '/invite/abc'])(
    'never treats the excluded segment in %j as a tenant',
    async (p) => {
      expect(await slugOf(first, p)).toBeNull();
    },
  );

  it('decodes percent-escapes once', async () => {
    expect(await slugOf(first, '/%61cme/x')).toBe('acme');
  });

  it.each([
    ['a malformed escape', '/%E0%A4%A/x'],
    ['a lone percent sign', '/acme%/x'],
    ['an encoded newline', '/acme%0A/x'],
    ['an encoded slash', '/acme%2Fglobex/x'],
    ['a dot-dot segment', '/../x'],
    ['an encoded dot-dot', '/%2e%2e/x'],
    ['a dot in the segment', '/acme.corp/x'],
    ['non-ASCII', '/b%C3%BCro/x'],
    ['a space', '/acme%20corp'],
    ['a leading hyphen', '/-acme'],
    ['an oversized segment', `/${'a'.repeat(64)}`],
  ])('finds no tenant for %s', async (_label, p) => {
    expect(await slugOf(first, p)).toBeNull();
  });

  it('finds no tenant in an oversized path', async () => {
    expect(await slugOf(first, `/acme/${'x'.repeat(9000)}`)).toBeNull();
  });
});
