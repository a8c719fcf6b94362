import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db';

/**
 * Handoff tickets: how a session crosses to a host that shares no cookie with the one it is on.
 *
 * Invariants: a ticket is 256 random bits, stored only as its SHA-256; it names the ONE host that
 * may redeem it and lives 30 seconds; redeeming deletes the row in the same statement that reads
 * it, so two concurrent redemptions cannot both succeed. A ticket for another host, an expired one
 * or a second use gives nothing (and the row is gone either way).
 * Tests: tests/auth/handoff.test.ts.
 */
export const HANDOFF_TTL_SECONDS = 30;

export type HandoffGrant = { userId: string; sessionId: string; targetHost: string; fromHost: string };

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** `example.com:3000`, lower-case, default ports dropped: how both sides name a host. */
export function canonicalHost(host: string): string | null {
  try {
    return new URL(`http://${host}`).host.toLowerCase();
  } catch {
    return null;
  }
}

export async function issueHandoff(grant: HandoffGrant, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.sessionHandoff.create({
    data: {
      tokenHash: hash(token),
      userId: grant.userId,
      sessionId: grant.sessionId,
      targetHost: grant.targetHost,
      fromHost: grant.fromHost,
      expiresAt: new Date(now.getTime() + HANDOFF_TTL_SECONDS * 1000),
    },
    select: { tokenHash: true },
  });
  return token;
}

export type RedeemResult =
  | { ok: true; grant: HandoffGrant }
  | { ok: false; reason: 'unknown' | 'expired' | 'wrong-host' };

/** Redeems `token` on `host` (the request's Host): single use, whatever the outcome. */
export async function redeemHandoff(token: unknown, host: string, now = new Date()): Promise<RedeemResult> {
  if (typeof token !== 'string' || token.length < 20 || token.length > 100) return { ok: false, reason: 'unknown' };
  // delete … where id: one statement, so of two concurrent redemptions exactly one gets the row.
  const row = await db.sessionHandoff.delete({ where: { tokenHash: hash(token) } }).catch((error: unknown) => {
    if ((error as { code?: unknown }).code === 'P2025') return null; // no such ticket (or already used)
    throw error;
  });
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  if (canonicalHost(host) !== row.targetHost) return { ok: false, reason: 'wrong-host' };
  return {
    ok: true,
    grant: { userId: row.userId, sessionId: row.sessionId, targetHost: row.targetHost, fromHost: row.fromHost },
  };
}

/** Tickets nobody redeemed: removed opportunistically when new ones are issued. */
export async function pruneExpiredHandoffs(now = new Date()): Promise<void> {
  await db.sessionHandoff.deleteMany({ where: { expiresAt: { lt: now } } });
}
