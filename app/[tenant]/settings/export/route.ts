/**
 * GET /settings/export — the tenant's data as a streamed zip, for its OWNERS (`tenant.export`);
 * also while the tenant is suspended or scheduled for deletion, so a way out always exists.
 * Tests: tests/lifecycle/export.test.ts (the archive), tests/platform/operators.test.ts (the 404s).
 */
import { recordAudit } from '@/lib/audit';
import { accessDeniedResponse, getMemberAccess } from '@/lib/auth/guard';
import { exportFileName, exportStream } from '@/lib/lifecycle/export';

export async function GET(_request: Request, { params }: { params: Promise<{ tenant: string }> }): Promise<Response> {
  const access = await getMemberAccess('tenant.export', (await params).tenant, { allowSuspended: true });
  if (access.status !== 'ok') return accessDeniedResponse(access);
  const { tenant, user } = access.context;
  await recordAudit({ tenantId: tenant.id, userId: user.id, action: 'tenant.export' });
  return new Response(exportStream(tenant.id), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${exportFileName(tenant.slug)}"`,
      'Cache-Control': 'no-store',
    },
  });
}
