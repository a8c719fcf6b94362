import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { restoreTenant } from '@/components/lifecycle/actions';
import { RestoreButton } from '@/components/lifecycle/restore-button';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { tenantStatus } from '@/lib/lifecycle/status';
import { getTenantBasePath } from '@/lib/tenants/server';

export const metadata: Metadata = { title: 'Suspended' };

type Props = { params: Promise<{ tenant: string }> };

/** Where every page of a suspended tenant sends its members (lib/auth/guard.ts). Nothing is lost. */
export default async function SuspendedPage({ params }: Props) {
  const { tenant, role, suspended } = await requirePermission('tenant.view', (await params).tenant, {
    allowSuspended: true,
  });
  const base = await getTenantBasePath();
  if (!suspended) redirect(`${base}/dashboard`);
  const status = await tenantStatus(tenant.id);
  const purgeAfter = status?.purgeAfter ?? null;
  const owner = can(role, 'tenant.restore');

  return (
    <main className="mx-auto max-w-xl space-y-4 p-8" data-testid="suspended">
      <h1 className="text-3xl font-semibold">{tenant.name} is suspended</h1>
      {purgeAfter ? (
        <p>
          This workspace was deleted and will be removed for good on{' '}
          <strong>{purgeAfter.toISOString().slice(0, 10)}</strong>. Until then its owners can restore it, and nothing in
          it has been lost.
        </p>
      ) : (
        <p>
          This workspace has been suspended by the service’s operators. Its data is kept as it was; contact support to
          have it restored.
        </p>
      )}
      {owner ? (
        <div className="space-y-3">
          <p>
            <a href={`${base}/settings/export`} className="underline" data-testid="export-data">
              Export all data
            </a>
          </p>
          {purgeAfter ? <RestoreButton action={restoreTenant} /> : null}
        </div>
      ) : null}
    </main>
  );
}
