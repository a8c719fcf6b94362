import { forTenant } from '@/lib/db';

export type AuditRow = {
  id: string;
  userId: string | null;
  action: string;
  data: unknown;
  ip: string | null;
  createdAt: Date;
};

/** One tenant's audit entries, oldest first, in pages (the owner's CSV export streams them). */
export async function* tenantAuditPages(tenantId: string, pageSize = 1000): AsyncGenerator<AuditRow[]> {
  const db = forTenant(tenantId);
  let cursor: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const after: { createdAt: Date; id: string } | null = cursor;
    const page: AuditRow[] = await db.auditLog.findMany({
      where: after
        ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }
        : {},
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: pageSize,
      select: { id: true, userId: true, action: true, data: true, ip: true, createdAt: true },
    });
    if (page.length === 0) return;
    yield page;
    const last = page[page.length - 1];
    if (!last || page.length < pageSize) return;
    cursor = { createdAt: last.createdAt, id: last.id };
  }
}
