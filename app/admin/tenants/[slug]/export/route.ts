/**
 * GET /admin/tenants/<slug>/export — the tenant's data as a streamed zip, for an operator.
 * Anyone else: 404. Audited in the platform log. Tests: tests/platform/operators.test.ts.
 */
import { exportFileName, exportStream } from '@/lib/lifecycle/export';
import { recordPlatformAudit } from '@/lib/platform/audit';
import { getOperator } from '@/lib/platform/operator-session';
import { findTenantBySlug } from '@/lib/platform/tenants';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const operator = await getOperator();
  if (!operator) return new Response('Not Found', { status: 404 });
  const tenant = await findTenantBySlug((await params).slug);
  if (!tenant) return new Response('Not Found', { status: 404 });
  await recordPlatformAudit({ actor: operator, action: 'tenant.export', target: tenant });
  return new Response(exportStream(tenant.id), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${exportFileName(tenant.slug)}"`,
      'Cache-Control': 'no-store',
    },
  });
}
