import 'server-only';
import { db, forTenant } from '@/lib/db';
import { redactSecrets } from './redact';

export { redactSecrets };

/**
 * The tenant's audit log. `tenantAction` (lib/actions/tenant-action.ts) calls `recordAudit` after
 * every successful mutation, so an action cannot forget it; route handlers that mutate call it
 * themselves. Entries are written through the tenant-scoped client, so an entry can only land in
 * the tenant it names, and `redactSecrets` keeps passwords, tokens and keys out of the log.
 * Tests: tests/auth/audit-redact.test.ts, tests/auth/tenant-action.test.ts.
 */
export type AuditInput = {
  tenantId: string;
  userId: string | null;
  action: string;
  data?: unknown;
  ip?: string | null;
};

export type AuditEntry = {
  id: string;
  action: string;
  data: unknown;
  ip: string | null;
  createdAt: Date;
  user: { id: string; email: string; name: string | null } | null;
};

export type AuditPage = { entries: AuditEntry[]; total: number; page: number; pageSize: number; pageCount: number };

export async function recordAudit({ tenantId, userId, action, data, ip }: AuditInput): Promise<void> {
  await forTenant(tenantId).auditLog.create({
    data: { tenantId, userId, action, data: (redactSecrets(data ?? {}) ?? {}) as object, ip: ip ?? null },
    select: { id: true },
  });
}

export async function listAudit(
  tenantId: string,
  { page = 1, pageSize = 25 }: { page?: number; pageSize?: number } = {},
): Promise<AuditPage> {
  const size = Math.min(Math.max(Math.trunc(pageSize) || 25, 1), 100);
  const scoped = forTenant(tenantId);
  const total = await scoped.auditLog.count();
  const pageCount = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(Math.trunc(page) || 1, 1), pageCount);
  const rows = await scoped.auditLog.findMany({
    select: { id: true, userId: true, action: true, data: true, ip: true, createdAt: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (current - 1) * size,
    take: size,
  });
  // AuditLog keeps a plain userId (entries outlive members), so users are looked up separately.
  const ids = [...new Set(rows.map((r) => r.userId).filter((id): id is string => id !== null))];
  const users = ids.length
    ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, name: true } })
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    entries: rows.map(({ userId, ...row }) => ({ ...row, user: userId ? (byId.get(userId) ?? null) : null })),
    total,
    page: current,
    pageSize: size,
    pageCount,
  };
}
