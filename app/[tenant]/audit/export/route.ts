/** GET /audit/export — the tenant's audit log as CSV, for its OWNERS (`audit.export`). */
import { recordAudit } from '@/lib/audit';
import { csvStream } from '@/lib/audit/csv';
import { tenantAuditPages } from '@/lib/audit/pages';
import { accessDeniedResponse, getMemberAccess } from '@/lib/auth/guard';

export async function GET(_request: Request, { params }: { params: Promise<{ tenant: string }> }): Promise<Response> {
  const access = await getMemberAccess('audit.export', (await params).tenant, { allowSuspended: true });
  if (access.status !== 'ok') return accessDeniedResponse(access);
  const { tenant, user } = access.context;
  await recordAudit({ tenantId: tenant.id, userId: user.id, action: 'audit.export' });
  const body = csvStream(['createdAt', 'userId', 'action', 'ip', 'data'], tenantAuditPages(tenant.id), (e) => [
    e.createdAt,
    e.userId,
    e.action,
    e.ip,
    e.data,
  ]);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${tenant.slug}-audit.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
