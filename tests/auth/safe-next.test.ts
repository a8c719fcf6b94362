import { describe, expect, it } from 'vitest';
import { safeNextPath } from '@/lib/auth/safe-next';

describe('safeNextPath (no open redirect after sign-in)', () => {
  it('keeps a same-origin path with its query', () => {
    expect(safeNextPath('/acme/dashboard?x=1')).toBe('/acme/dashboard?x=1');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    'javascript:alert(1)',
    'dashboard',
    '/ok\nSet-Cookie: x=1',
    '',
  ])('refuses %j', (value) => {
    expect(safeNextPath(value, '/fallback')).toBe('/fallback');
  });

  it('refuses non-strings', () => {
    expect(safeNextPath(['/a'], '/f')).toBe('/f');
    expect(safeNextPath(undefined, '/f')).toBe('/f');
  });
});
