/** GET /admin/audit/export — the platform audit log as CSV, for an operator; anyone else 404. */
import { csvStream } from '@/lib/audit/csv';
import { platformAuditPages, recordPlatformAudit } from '@/lib/platform/audit';
import { getOperator } from '@/lib/platform/operator-session';

export async function GET(): Promise<Response> {
  const operator = await getOperator();
  if (!operator) return new Response('Not Found', { status: 404 });
  await recordPlatformAudit({ actor: operator, action: 'platform-audit.export' });
  const body = csvStream(
    ['createdAt', 'actorEmail', 'action', 'targetTenantSlug', 'targetTenantId', 'ip', 'data'],
    platformAuditPages(),
    (e) => [e.createdAt, e.actorEmail, e.action, e.targetTenantSlug, e.targetTenantId, e.ip, e.data],
  );
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="platform-audit.csv"',
      'Cache-Control': 'no-store',
    },
  });
}
