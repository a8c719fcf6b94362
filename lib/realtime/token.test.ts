import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  getRealtimeSecret,
  RealtimeTokenError,
  REALTIME_AUDIENCE,
  REALTIME_ISSUER,
  signRealtimeToken,
  verifyRealtimeToken,
} from './token';

const secret = 'a'.repeat(32);
const other = 'b'.repeat(32);
const alice = { sub: 'user-alice', tenantId: 'tenant-acme', tenantSlug: 'acme', name: 'Alice', image: null };

function raw(
  claims: Record<string, unknown>,
  opts: { exp?: number; iat?: number; aud?: string; iss?: string; key?: string } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('user-alice')
    .setIssuer(opts.iss ?? REALTIME_ISSUER)
    .setAudience(opts.aud ?? REALTIME_AUDIENCE)
    .setIssuedAt(opts.iat ?? now)
    .setExpirationTime(opts.exp ?? now + 60)
    .sign(new TextEncoder().encode(opts.key ?? secret));
}

describe('realtime tokens', () => {
  it('round-trips user and tenant claims', async () => {
    const token = await signRealtimeToken(alice, { secret });
    const claims = await verifyRealtimeToken(token, { secret });
    expect(claims).toMatchObject({
      sub: 'user-alice',
      tenantId: 'tenant-acme',
      tenantSlug: 'acme',
      name: 'Alice',
      image: null,
    });
    expect(claims.exp - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(60);
  });

  it('refuses a token signed with another secret', async () => {
    const token = await signRealtimeToken(alice, { secret: other });
    await expect(verifyRealtimeToken(token, { secret })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('refuses a token whose payload was edited', async () => {
    const token = await signRealtimeToken(alice, { secret });
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    payload.tenantId = 'tenant-globex';
    const edited = [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
    await expect(verifyRealtimeToken(edited, { secret })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('refuses an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await raw({ tenantId: 'tenant-acme', name: 'Alice' }, { iat: now - 120, exp: now - 60 });
    await expect(verifyRealtimeToken(token, { secret })).rejects.toMatchObject({ code: 'expired' });
  });

  it('refuses an unsigned (alg none) token, a wrong audience or issuer, and garbage', async () => {
    const unsigned = new UnsecuredJWT({ tenantId: 'tenant-acme', name: 'A' })
      .setSubject('x')
      .setIssuer(REALTIME_ISSUER)
      .setAudience(REALTIME_AUDIENCE)
      .setExpirationTime('1m')
      .encode();
    for (const token of [
      unsigned,
      await raw({ tenantId: 'tenant-acme', name: 'A' }, { aud: 'someone-else' }),
      await raw({ tenantId: 'tenant-acme', name: 'A' }, { iss: 'someone-else' }),
      'not-a-jwt',
      '',
      undefined,
    ]) {
      await expect(verifyRealtimeToken(token, { secret })).rejects.toMatchObject({ code: 'invalid' });
    }
  });

  it("refuses a token whose tenant id could name another tenant's keys", async () => {
    const token = await raw({ tenantId: 'acme:presence:x', name: 'A' });
    await expect(verifyRealtimeToken(token, { secret })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('refuses a token that lives longer than ten minutes', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await raw({ tenantId: 'tenant-acme', name: 'A' }, { iat: now - 3600, exp: now + 60 });
    await expect(verifyRealtimeToken(token, { secret })).rejects.toBeInstanceOf(RealtimeTokenError);
    await expect(signRealtimeToken(alice, { secret, expiresInSeconds: 3600 })).rejects.toThrow(RangeError);
  });
});

describe('getRealtimeSecret', () => {
  it('is a startup error in production without REALTIME_SECRET', () => {
    expect(() => getRealtimeSecret({ NODE_ENV: 'production' })).toThrow(/REALTIME_SECRET is required/);
  });

  it('refuses a short secret', () => {
    expect(() => getRealtimeSecret({ REALTIME_SECRET: 'short' })).toThrow(/at least 32/);
  });

  it('derives a stable development secret outside production', () => {
    // AUTH_SECRETs of a valid length (16+): a shorter one is refused like any bad value (lib/env).
    const a = getRealtimeSecret({ NODE_ENV: 'development', AUTH_SECRET: 'x'.repeat(16) });
    expect(a).toBe(getRealtimeSecret({ NODE_ENV: 'development', AUTH_SECRET: 'x'.repeat(16) }));
    expect(a).not.toBe(getRealtimeSecret({ NODE_ENV: 'development', AUTH_SECRET: 'y'.repeat(16) }));
    expect(getRealtimeSecret({ REALTIME_SECRET: secret, NODE_ENV: 'production' })).toBe(secret);
  });
});
