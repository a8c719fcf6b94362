/**
 * The platform audit log: every operator action (and every impersonated one), kept apart from the
 * tenants' logs so it outlives a purged tenant. Entries name the tenant by id and slug as plain
 * text ("targetTenantId"), which keeps the table out of tenant scoping, export and purge.
 * Tests: tests/platform/operators.test.ts, tests/platform/audit.test.ts.
 */
import { redactSecrets } from '@/lib/audit/redact';
import { withoutTenant } from '@/lib/db';

export type PlatformAuditInput = {
  actor: { id: string | null; email: string };
  action: string;
  target?: { id: string; slug: string } | null;
  data?: unknown;
  ip?: string | null;
};

export type PlatformAuditEntry = {
  id: string;
  actorEmail: string;
  action: string;
  targetTenantSlug: string | null;
  targetTenantId: string | null;
  data: unknown;
  ip: string | null;
  createdAt: Date;
};

export async function recordPlatformAudit({ actor, action, target, data, ip }: PlatformAuditInput): Promise<void> {
  await withoutTenant((c) =>
    c.platformAuditLog.create({
      data: {
        actorId: actor.id,
        actorEmail: actor.email,
        action,
        targetTenantId: target?.id ?? null,
        targetTenantSlug: target?.slug ?? null,
        data: (redactSecrets(data ?? {}) ?? {}) as object,
        ip: ip ?? null,
      },
      select: { id: true },
    }),
  );
}

const SELECT = {
  id: true,
  actorEmail: true,
  action: true,
  targetTenantSlug: true,
  targetTenantId: true,
  data: true,
  ip: true,
  createdAt: true,
} as const;

export async function listPlatformAudit({
  tenantId,
  take = 50,
}: {
  tenantId?: string;
  take?: number;
} = {}): Promise<PlatformAuditEntry[]> {
  return withoutTenant((c) =>
    c.platformAuditLog.findMany({
      where: tenantId ? { targetTenantId: tenantId } : {},
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: Math.min(Math.max(take, 1), 500),
      select: SELECT,
    }),
  );
}

/** All entries, oldest first, in pages (the CSV export streams them). */
export async function* platformAuditPages(pageSize = 1000): AsyncGenerator<PlatformAuditEntry[]> {
  let cursor: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const after: { createdAt: Date; id: string } | null = cursor;
    const page: PlatformAuditEntry[] = await withoutTenant((c) =>
      c.platformAuditLog.findMany({
        where: after
          ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }
          : {},
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: pageSize,
        select: SELECT,
      }),
    );
    if (page.length === 0) return;
    yield page;
    const last = page[page.length - 1];
    if (!last || page.length < pageSize) return;
    cursor = { createdAt: last.createdAt, id: last.id };
  }
}
