import { describe, expect, it } from 'vitest';
import { DEFAULT_TENANT_CLAIM, sessionResolver } from './session';
import { resolveInput } from './test-input';

const session = sessionResolver({ key: 'tenant_id', jwtClaim: 'tenant_id' });
const slugOf = async (cookies: Record<string, string>, claims?: Record<string, unknown>, resolver = session) =>
  (await resolver.resolve(resolveInput({ cookies, claims })))?.slug ?? null;

// A syntactically valid, unsigned JWT whose payload says {"tenant_id":"globex"}.
const JWT = `eyJhbGciOiJub25lIn0.${btoa(JSON.stringify({ tenant_id: 'globex' })).replace(/=+$/, '')}.`;

describe('session resolver', () => {
  // Issue 10, finding 7: on main the cookie came first, so a stale `tenant_id` cookie outranked the
  // verified claim and left a signed-in non-member on a 404 with no way out.
  it('signed in, reads only the verified claims: a stale cookie neither outranks nor traps', async () => {
    expect(
      await session.resolve(resolveInput({ cookies: { tenant_id: 'acme' }, claims: { tenant_id: 'globex' } })),
    ).toEqual({ slug: 'globex', via: 'session' });
    expect(await slugOf({ tenant_id: 'acme' }, { default_tenant: 'initech' })).toBe('initech');
    expect(await slugOf({ tenant_id: 'acme' }, {})).toBeNull();
  });

  it('signed out, reads the cookie named by session.key (it only titles the sign-in page)', async () => {
    expect(await slugOf({ tenant_id: 'acme' })).toBe('acme');
  });

  it('reads the verified claim session.jwtClaim', async () => {
    expect(await slugOf({}, { tenant_id: 'globex' })).toBe('globex');
  });

  it('falls back to the default-tenant claim last', async () => {
    expect(await slugOf({}, { [DEFAULT_TENANT_CLAIM]: 'initech' })).toBe('initech');
    expect(await slugOf({}, { tenant_id: 'globex', default_tenant: 'initech' })).toBe('globex');
  });

  it('skips empty values', async () => {
    expect(await slugOf({ tenant_id: '' }, { tenant_id: '  ', default_tenant: 'initech' })).toBe('initech');
  });

  it('lower-cases and trims the value', async () => {
    expect(await slugOf({ tenant_id: ' ACME ' })).toBe('acme');
  });

  it('uses the configured cookie and claim names', async () => {
    const custom = sessionResolver({ key: 'org', jwtClaim: 'org_slug' });
    expect(await slugOf({ tenant_id: 'acme' }, { tenant_id: 'acme' }, custom)).toBeNull();
    expect(await slugOf({ org: 'globex' }, undefined, custom)).toBe('globex');
    expect(await slugOf({}, { org_slug: 'globex' }, custom)).toBe('globex');
  });

  it('never decodes a JWT found in the cookie: it is just an invalid value and is skipped', async () => {
    expect(await slugOf({ tenant_id: JWT })).toBeNull();
    expect(await slugOf({ tenant_id: JWT }, { tenant_id: 'acme' })).toBe('acme');
  });

  it('ignores claims that are not strings', async () => {
    expect(await slugOf({}, { tenant_id: 42, default_tenant: { slug: 'acme' } })).toBeNull();
  });

  it('skips invalid slugs and moves to the next source', async () => {
    expect(await slugOf({ tenant_id: '../globex' }, { tenant_id: 'acme' })).toBe('acme');
  });

  it('finds no tenant without cookies or claims', async () => {
    expect(await slugOf({})).toBeNull();
  });

  it('never reads inherited properties as cookies or claims', async () => {
    const r = sessionResolver({ key: 'constructor', jwtClaim: 'toString' });
    expect(await slugOf({}, {}, r)).toBeNull();
  });
});
