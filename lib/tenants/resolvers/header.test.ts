import { describe, expect, it } from 'vitest';
import { headerResolver } from './header';
import { resolveInput } from './test-input';

const byDefault = headerResolver({ name: 'X-Tenant-ID' });
const slugOf = async (resolver: typeof byDefault, headers: HeadersInit) =>
  (await resolver.resolve(resolveInput({ headers })))?.slug ?? null;

describe('header resolver', () => {
  it('reads the configured header', async () => {
    expect(await byDefault.resolve(resolveInput({ headers: { 'X-Tenant-ID': 'acme' } }))).toEqual({
      slug: 'acme',
      via: 'header',
    });
    expect(await slugOf(headerResolver({ name: 'X-Org' }), { 'x-org': 'globex', 'x-tenant-id': 'acme' })).toBe(
      'globex',
    );
  });

  it('matches the header name case-insensitively', async () => {
    expect(await slugOf(byDefault, { 'x-tenant-id': 'acme' })).toBe('acme');
  });

  it('trims and lower-cases the value', async () => {
    expect(await slugOf(byDefault, { 'X-Tenant-ID': '  ACME ' })).toBe('acme');
  });

  it('finds no tenant without the header or with an empty one', async () => {
    expect(await slugOf(byDefault, {})).toBeNull();
    expect(await slugOf(byDefault, { 'X-Tenant-ID': '' })).toBeNull();
  });

  it('finds no tenant when the header is sent twice', async () => {
    const headers = new Headers();
    headers.append('X-Tenant-ID', 'acme');
    headers.append('X-Tenant-ID', 'globex');
    expect(await slugOf(byDefault, headers)).toBeNull();
    expect(await slugOf(byDefault, { 'X-Tenant-ID': 'acme,globex' })).toBeNull();
  });

  it.each(['acme corp', '../globex', 'acme;globex', 'acme/x', 'bücher', 'a'.repeat(64), `acme${'-'.repeat(300)}x`])(
    'finds no tenant for the invalid value %j',
    async (value) => {
      expect(await slugOf(byDefault, { 'X-Tenant-ID': value })).toBeNull();
    },
  );

  it('refuses an invalid header name when it is built', () => {
    expect(() => headerResolver({ name: 'X Tenant' })).toThrow(TypeError);
  });
});
