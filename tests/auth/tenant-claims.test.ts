import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSignInClaims, withSwitchedTenant } from '@/lib/auth/tenant-claims';
import { DEFAULT_TENANT_CLAIM } from '@/lib/tenants/resolvers/session';
import { getTenancyConfig } from '@/lib/tenants/config';
import { useSeededDb, userId } from './helpers';

/** The jwt callback's tenant claims: set only after a database membership check. */
describe('tenant claims in the session token', () => {
  let close: () => Promise<void>;
  let alice: string;
  let carol: string;
  const claim = getTenancyConfig().session.jwtClaim;

  beforeAll(async () => {
    ({ close } = await useSeededDb());
    alice = await userId('alice@acme.test');
    carol = await userId('carol@both.test');
  });
  afterAll(() => close());

  it('puts the user’s first membership in default_tenant at sign-in', async () => {
    expect((await withSignInClaims({ sub: alice }, alice))[DEFAULT_TENANT_CLAIM]).toBe('acme');
  });

  it('leaves default_tenant out for a user with no tenant', async () => {
    expect(await withSignInClaims({ sub: 'nobody', [DEFAULT_TENANT_CLAIM]: 'acme' }, 'nobody')).not.toHaveProperty(
      DEFAULT_TENANT_CLAIM,
    );
  });

  it('switches a member to a tenant they belong to', async () => {
    const token = await withSwitchedTenant({ sub: carol }, 'globex');
    expect(token[claim]).toBe('globex');
  });

  it('refuses to put a tenant the user does not belong to in the token', async () => {
    const token = await withSwitchedTenant({ sub: alice, [claim]: 'acme' }, 'globex');
    expect(token).not.toHaveProperty(claim);
  });

  it('ignores malformed requests and keeps every other claim', async () => {
    const token = await withSwitchedTenant({ sub: carol, name: 'Carol', email: 'carol@both.test' }, { slug: 'acme' });
    expect(token).toEqual({ sub: carol, name: 'Carol', email: 'carol@both.test' });
    expect(await withSwitchedTenant({ sub: carol }, '../globex')).not.toHaveProperty(claim);
  });

  it('needs a subject to switch', async () => {
    expect(await withSwitchedTenant({}, 'acme')).not.toHaveProperty(claim);
  });
});
