/**
 * Impersonation records: an operator views a tenant as one of its members.
 *
 * Invariants:
 * - only an operator starts one, for a user who is a member of that tenant, with a reason;
 * - read-only unless `write` was asked for; it lasts IMPERSONATION_MINUTES (15 by default);
 * - the browser holds a random token, the database only its SHA-256; the token works only together
 *   with the same operator's own session (lib/auth/impersonation.ts);
 * - starting and ending are written to the platform log AND to the tenant's own audit log, so the
 *   tenant's owners see who looked, when and why.
 * Tests: tests/platform/impersonation.test.ts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '@/lib/audit';
import { withoutTenant } from '@/lib/db';
import { env } from '@/lib/env';
import type { Operator } from './operators';

export const IMPERSONATION_COOKIE = 'tenantry-impersonation';

export function hashImpersonationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type StartedImpersonation = { token: string; expiresAt: Date; user: { id: string; email: string } };

export async function startImpersonation({
  operator,
  tenantId,
  userId,
  reason,
  write,
  now = new Date(),
  minutes = env.IMPERSONATION_MINUTES,
}: {
  operator: Operator;
  tenantId: string;
  userId: string;
  reason: string;
  write: boolean;
  now?: Date;
  minutes?: number;
}): Promise<StartedImpersonation | null> {
  const member = await withoutTenant((c) =>
    c.membership.findFirst({
      where: { tenantId, userId },
      select: { user: { select: { id: true, email: true } } },
    }),
  );
  if (!member) return null;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + minutes * 60_000);
  await withoutTenant((c) =>
    c.impersonation.create({
      data: {
        operatorId: operator.id,
        userId,
        targetTenantId: tenantId,
        reason,
        write,
        tokenHash: hashImpersonationToken(token),
        expiresAt,
        createdAt: now,
      },
      select: { id: true },
    }),
  );
  await recordAudit({
    tenantId,
    userId: operator.id,
    action: 'impersonation.start',
    data: { operator: operator.email, as: member.user.email, reason, write, expiresAt: expiresAt.toISOString() },
  });
  return { token, expiresAt, user: member.user };
}

export type ActiveImpersonation = {
  id: string;
  operatorId: string;
  userId: string;
  targetTenantId: string;
  write: boolean;
  expiresAt: Date;
};

/** The live impersonation behind `token` for this operator, or null (unknown, ended, expired). */
export async function findActiveImpersonation(
  token: string,
  operatorId: string,
  now = new Date(),
): Promise<ActiveImpersonation | null> {
  return withoutTenant((c) =>
    c.impersonation.findFirst({
      where: { tokenHash: hashImpersonationToken(token), operatorId, endedAt: null, expiresAt: { gt: now } },
      select: { id: true, operatorId: true, userId: true, targetTenantId: true, write: true, expiresAt: true },
    }),
  );
}

/** Ends the impersonation behind `token` (if it is this operator's); returns its tenant, if any. */
export async function endImpersonation(
  token: string,
  operator: Operator,
  now = new Date(),
): Promise<{ tenantId: string; slug: string } | null> {
  const row = await withoutTenant((c) =>
    c.impersonation.findFirst({
      where: { tokenHash: hashImpersonationToken(token), operatorId: operator.id, endedAt: null },
      select: { id: true, targetTenantId: true },
    }),
  );
  if (!row) return null;
  await withoutTenant((c) => c.impersonation.updateMany({ where: { id: row.id }, data: { endedAt: now } }));
  await recordAudit({
    tenantId: row.targetTenantId,
    userId: operator.id,
    action: 'impersonation.end',
    data: { operator: operator.email },
  });
  const tenant = await withoutTenant((c) =>
    c.tenant.findUnique({ where: { id: row.targetTenantId }, select: { slug: true } }),
  );
  return { tenantId: row.targetTenantId, slug: tenant?.slug ?? '' };
}
