import type { Metadata } from 'next';
import Link from 'next/link';
import { listAudit } from '@/lib/audit';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { getTenantBasePath } from '@/lib/tenants/server';

export const metadata: Metadata = { title: 'Audit log' };

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<{ page?: string | string[] }> };

const PAGE_SIZE = 20;

export default async function AuditPage({ params, searchParams }: Props) {
  const { tenant, role } = await requirePermission('audit.view', (await params).tenant);
  const raw = (await searchParams).page;
  const requested = Number.parseInt(typeof raw === 'string' ? raw : '1', 10);
  const [log, base] = await Promise.all([
    listAudit(tenant.id, { page: requested, pageSize: PAGE_SIZE }),
    getTenantBasePath(),
  ]);
  const pageHref = (page: number) => `${base}/audit?page=${page}`;

  return (
    <main className="mx-auto max-w-5xl space-y-6 p-8">
      <div className="flex items-center gap-4">
        <h1 className="text-3xl font-semibold">Audit log</h1>
        {can(role, 'audit.export') ? (
          <a href={`${base}/audit/export`} className="ml-auto text-sm underline" data-testid="audit-export">
            Download CSV
          </a>
        ) : null}
      </div>
      <p className="text-sm text-zinc-500">
        {log.total} entries · page {log.page} of {log.pageCount}
      </p>
      <table className="w-full text-left text-sm" data-testid="audit-log">
        <thead>
          <tr className="border-b">
            <th className="py-2 pr-4">When</th>
            <th className="py-2 pr-4">Who</th>
            <th className="py-2 pr-4">Action</th>
            <th className="py-2 pr-4">Details</th>
            <th className="py-2">IP</th>
          </tr>
        </thead>
        <tbody>
          {log.entries.map((entry) => (
            <tr key={entry.id} className="border-b align-top" data-testid="audit-entry">
              <td className="py-2 pr-4 whitespace-nowrap">
                {entry.createdAt.toISOString().replace('T', ' ').slice(0, 19)}
              </td>
              <td className="py-2 pr-4">{entry.user?.email ?? 'deleted user'}</td>
              <td className="py-2 pr-4 font-mono">{entry.action}</td>
              <td className="py-2 pr-4">
                <code className="break-all text-xs">{JSON.stringify(entry.data)}</code>
              </td>
              <td className="py-2">{entry.ip ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label="Pages" className="flex gap-4 text-sm">
        {log.page > 1 ? (
          <Link href={pageHref(log.page - 1)} className="underline" rel="prev">
            ← Newer
          </Link>
        ) : null}
        {log.page < log.pageCount ? (
          <Link href={pageHref(log.page + 1)} className="underline" rel="next">
            Older →
          </Link>
        ) : null}
      </nav>
    </main>
  );
}
