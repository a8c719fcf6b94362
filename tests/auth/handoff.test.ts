import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDOFF_TTL_SECONDS, issueHandoff, redeemHandoff } from '@/lib/auth/handoff/ticket';
import { isSessionRevoked, NOT_REVOKED_TTL_MS, revokeSession } from '@/lib/auth/revocation';
import { withSignInClaims } from '@/lib/auth/tenant-claims';
import { db } from '@/lib/db';
import { useSeededDb, userId } from './helpers';

/**
 * Session handoff tickets (issue 10, finding 1): single use, bound to one host, 30 seconds, stored
 * hashed; and session revocation on sign-out. On main none of this existed (a second host meant a
 * second sign-in form). The HTTP round trip and its audit entry: tests/http/hosts.test.ts.
 */
describe('session handoff tickets', () => {
  let close: () => Promise<void>;
  let carol: string;
  const grant = (overrides: Partial<Parameters<typeof issueHandoff>[0]> = {}) => ({
    userId: carol,
    sessionId: 'sid-carol-1',
    targetHost: 'globex.localhost:3000',
    fromHost: 'localhost:3000',
    ...overrides,
  });

  beforeAll(async () => {
    ({ close } = await useSeededDb());
    carol = await userId('carol@both.test');
  });
  afterAll(() => close());

  it('is redeemed once, on its host, carrying the user and the session id', async () => {
    const token = await issueHandoff(grant());
    const first = await redeemHandoff(token, 'GLOBEX.localhost:3000');
    expect(first).toEqual({ ok: true, grant: grant() });
    expect(await redeemHandoff(token, 'globex.localhost:3000')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('stores only a hash of the token', async () => {
    const token = await issueHandoff(grant());
    const rows = await db.sessionHandoff.findMany({ select: { tokenHash: true } });
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
    expect(rows.some((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
  });

  it('is refused on any other host, and is spent by the attempt', async () => {
    const token = await issueHandoff(grant());
    expect(await redeemHandoff(token, 'acme.localhost:3000')).toEqual({ ok: false, reason: 'wrong-host' });
    expect(await redeemHandoff(token, 'globex.localhost:3000')).toEqual({ ok: false, reason: 'unknown' });
    const other = await issueHandoff(grant());
    expect(await redeemHandoff(other, 'globex.localhost:4000')).toEqual({ ok: false, reason: 'wrong-host' });
  });

  it('expires after 30 seconds', async () => {
    expect(HANDOFF_TTL_SECONDS).toBeLessThanOrEqual(60);
    const issuedAt = new Date(Date.now() - (HANDOFF_TTL_SECONDS + 1) * 1000);
    const token = await issueHandoff(grant(), issuedAt);
    expect(await redeemHandoff(token, 'globex.localhost:3000')).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses tokens that were never issued, whatever their shape', async () => {
    for (const token of [undefined, '', 'x', 'a'.repeat(43), 'a'.repeat(500), 42])
      expect((await redeemHandoff(token, 'globex.localhost:3000')).ok).toBe(false);
  });

  it('gives every sign-in a session id, kept by a handoff, and revokes it everywhere on sign-out', async () => {
    const signedIn = await withSignInClaims({ sub: carol }, carol);
    expect(typeof signedIn.sid).toBe('string');
    const copied = await withSignInClaims({ sub: carol, sid: signedIn.sid }, carol);
    expect(copied.sid).toBe(signedIn.sid);
    expect(await isSessionRevoked(signedIn.sid)).toBe(false);
    await revokeSession(signedIn.sid as string, carol);
    await revokeSession(signedIn.sid as string, carol); // twice: still one row, no error
    expect(await isSessionRevoked(signedIn.sid)).toBe(true);
    expect(await isSessionRevoked(undefined)).toBe(false);
  });

  it('sees a revocation made by another instance within the not-revoked window', async () => {
    const sid = 'sid-revoked-elsewhere';
    const t = Date.now();
    expect(await isSessionRevoked(sid, t)).toBe(false); // cached "no" for a few seconds
    // Another instance signs the session out: only the table knows.
    await db.revokedSession.create({ data: { sessionId: sid, userId: carol, expiresAt: new Date(t + 60_000) } });
    expect(await isSessionRevoked(sid, t + NOT_REVOKED_TTL_MS)).toBe(true);
  });
});
