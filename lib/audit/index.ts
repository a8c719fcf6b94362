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

export type AuditUser = { id: string; email: string; name: string | null };

export type AuditEntry = {
  id: string;
  action: string;
  data: unknown;
  ip: string | null;
  createdAt: Date;
  user: AuditUser | null;
  /** The member an entry is about (a role change, a removal), when it names one. */
  target: AuditUser | null;
};

export type AuditPage = { entries: AuditEntry[]; total: number; page: number; pageSize: number; pageCount: number };

export async function recordAudit({ tenantId, userId, action, data, ip }: AuditInput): Promise<void> {
  await forTenant(tenantId).auditLog.create({
    data: { tenantId, userId, action, data: (redactSecrets(data ?? {}) ?? {}) as object, ip: ip ?? null },
    select: { id: true },
  });
}

/** Optional filters: entries by one person (`userId`) and/or of one action. */
export type AuditFilter = { userId?: string; action?: string };

export async function listAudit(
  tenantId: string,
  { page = 1, pageSize = 25, userId, action }: { page?: number; pageSize?: number } & AuditFilter = {},
): Promise<AuditPage> {
  const size = Math.min(Math.max(Math.trunc(pageSize) || 25, 1), 100);
  const scoped = forTenant(tenantId);
  const where = { ...(userId ? { userId } : {}), ...(action ? { action } : {}) };
  const total = await scoped.auditLog.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(Math.trunc(page) || 1, 1), pageCount);
  const rows = await scoped.auditLog.findMany({
    where,
    select: { id: true, userId: true, action: true, data: true, ip: true, createdAt: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (current - 1) * size,
    take: size,
  });
  // An entry may name a second person (the member whose role changed): look them up too.
  const byId = await usersById(rows.flatMap((r) => [r.userId, targetUserId(r.data)]));
  return {
    entries: rows.map(({ userId, ...row }) => ({
      ...row,
      user: userId ? (byId.get(userId) ?? null) : null,
      target: (() => {
        const id = targetUserId(row.data);
        return id ? (byId.get(id) ?? null) : null;
      })(),
    })),
    total,
    page: current,
    pageSize: size,
    pageCount,
  };
}

function targetUserId(data: unknown): string | null {
  const id = data && typeof data === 'object' ? (data as { userId?: unknown }).userId : undefined;
  return typeof id === 'string' ? id : null;
}

/** AuditLog keeps plain user ids (entries outlive members), so users are looked up separately. */
async function usersById(ids: (string | null)[]): Promise<Map<string, AuditUser>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  const users = unique.length
    ? await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, email: true, name: true } })
    : [];
  return new Map(users.map((u) => [u.id, u]));
}

/** What the log's filters offer: the people and the actions that occur in this tenant's log. */
export async function auditFilterOptions(tenantId: string): Promise<{ people: AuditUser[]; actions: string[] }> {
  const scoped = forTenant(tenantId);
  const [byUser, byAction] = await Promise.all([
    scoped.auditLog.findMany({ distinct: ['userId'], select: { userId: true } }),
    scoped.auditLog.findMany({ distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } }),
  ]);
  const people = [...(await usersById(byUser.map((r) => r.userId))).values()].sort((a, b) =>
    (a.name ?? a.email).localeCompare(b.name ?? b.email),
  );
  return { people, actions: byAction.map((r) => r.action) };
}
