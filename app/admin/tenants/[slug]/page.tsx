import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import {
  deleteTenant,
  restoreTenant,
  startImpersonation,
  suspendTenant,
  unsuspendTenant,
} from '@/components/admin/actions';
import { ImpersonateForm } from '@/components/admin/impersonate-form';
import { TenantOpForm } from '@/components/admin/tenant-op-form';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { env } from '@/lib/env';
import { requireOperator } from '@/lib/platform/operator-session';
import { findTenantBySlug, loadTenantDetail } from '@/lib/platform/tenants';

export const metadata: Metadata = { title: 'Tenant' };

type Props = { params: Promise<{ slug: string }> };

export default async function AdminTenantPage({ params }: Props) {
  await requireOperator();
  const found = await findTenantBySlug((await params).slug);
  const detail = found ? await loadTenantDetail(found.id) : null;
  if (!detail) notFound();
  const { tenant, members, usage, audit, jobs } = detail;
  const status = tenant.purgeAfter
    ? `scheduled for purge on ${tenant.purgeAfter.toISOString().slice(0, 10)}`
    : tenant.suspendedAt
      ? `suspended (${tenant.suspendedReason ?? 'no reason'})`
      : 'active';

  return (
    <main className="mx-auto max-w-5xl space-y-8 p-8">
      <div className="space-y-1">
        <h1 className="text-3xl font-semibold">{tenant.name}</h1>
        <p className="text-sm text-muted-foreground">
          {tenant.slug} · plan {tenant.plan ?? 'free'} · created {tenant.createdAt.toISOString().slice(0, 10)} ·{' '}
          <span data-testid="tenant-status">{status}</span>
        </p>
      </div>

      <section className="flex flex-wrap gap-6" aria-label="Lifecycle">
        {tenant.purgeAfter ? (
          <TenantOpForm action={restoreTenant} tenantId={tenant.id} label="Restore" testId="restore" />
        ) : tenant.suspendedAt ? (
          <TenantOpForm action={unsuspendTenant} tenantId={tenant.id} label="Unsuspend" testId="unsuspend" />
        ) : (
          <TenantOpForm action={suspendTenant} tenantId={tenant.id} label="Suspend" reason testId="suspend" />
        )}
        {tenant.purgeAfter ? null : (
          <TenantOpForm
            action={deleteTenant}
            tenantId={tenant.id}
            label={`Delete (purge in ${env.TENANT_PURGE_GRACE_DAYS} days)`}
            variant="destructive"
            testId="delete"
          />
        )}
        <a href={`/admin/tenants/${tenant.slug}/export`} className="self-end text-sm underline" data-testid="export">
          Export all data (zip)
        </a>
      </section>

      <section className="space-y-3">
        <h2 className="text-xl font-medium">Members</h2>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Email</TableHead>
              <TableHead>Name</TableHead>
              <TableHead>Role</TableHead>
              <TableHead>Since</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {members.map((m) => (
              <TableRow key={m.userId}>
                <TableCell>{m.email}</TableCell>
                <TableCell>{m.name ?? '—'}</TableCell>
                <TableCell>{m.role}</TableCell>
                <TableCell>{m.createdAt.toISOString().slice(0, 10)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>

      <section className="space-y-3">
        <h2 className="text-xl font-medium">View as a member</h2>
        <ImpersonateForm
          action={startImpersonation}
          tenantId={tenant.id}
          members={members}
          minutes={env.IMPERSONATION_MINUTES}
        />
      </section>

      <section className="space-y-3">
        <h2 className="text-xl font-medium">Usage</h2>
        <ul className="grid grid-cols-2 gap-1 text-sm sm:grid-cols-4" data-testid="usage">
          {Object.entries(usage).map(([model, n]) => (
            <li key={model}>
              {model}: {n}
            </li>
          ))}
        </ul>
      </section>

      <section className="space-y-3">
        <h2 className="text-xl font-medium">Jobs</h2>
        {jobs === null ? (
          <p className="text-sm text-muted-foreground">No job queue in this database.</p>
        ) : jobs.counts.length === 0 ? (
          <p className="text-sm text-muted-foreground">No queued or failed jobs.</p>
        ) : (
          <>
            <ul className="text-sm">
              {jobs.counts.map((j) => (
                <li key={`${j.name}:${j.state}`}>
                  {j.name} — {j.state}: {j.count}
                </li>
              ))}
            </ul>
            {jobs.failed.length > 0 ? (
              <ul className="space-y-1 text-sm">
                {jobs.failed.map((j) => (
                  <li key={j.id}>
                    <code>{j.id}</code> {j.name} after {j.retryCount} retries
                    {j.failedAt ? ` at ${j.failedAt.toISOString()}` : ''}: {j.error}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        )}
      </section>

      <section className="space-y-3">
        <h2 className="text-xl font-medium">Recent audit entries</h2>
        <ul className="space-y-1 text-sm">
          {audit.map((e) => (
            <li key={e.id}>
              {e.createdAt.toISOString().slice(0, 16).replace('T', ' ')} · {e.user?.email ?? 'system'} · {e.action}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
