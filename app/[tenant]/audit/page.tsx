import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditEntries } from '@/components/audit/audit-entries';
import { AuditFilters } from '@/components/audit/audit-filters';
import { PageBody, PageHeader } from '@/components/shell/page-header';
import { auditFilterOptions, listAudit } from '@/lib/audit';
import { actionLabel, describeAudit, describeIp } from '@/lib/audit/describe';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { tenantPageMetadata } from '@/lib/auth/page-title';
import { getTenantBasePath } from '@/lib/tenants/server';

type Search = { page?: string | string[]; who?: string | string[]; action?: string | string[] };
type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Search> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tenantPageMetadata('Audit log', (await params).tenant);
}

const PAGE_SIZE = 20;
const one = (value: string | string[] | undefined) => (typeof value === 'string' && value !== '' ? value : undefined);

/** ADMIN+. Who did what, in words, newest first; filtered by person and action through the query string. */
export default async function AuditPage({ params, searchParams }: Props) {
  const { tenant, role } = await requirePermission('audit.view', (await params).tenant);
  const search = await searchParams;
  const who = one(search.who);
  const action = one(search.action);
  const requested = Number.parseInt(one(search.page) ?? '1', 10);
  const [log, options, base] = await Promise.all([
    listAudit(tenant.id, { page: requested, pageSize: PAGE_SIZE, userId: who, action }),
    auditFilterOptions(tenant.id),
    getTenantBasePath(),
  ]);
  const pageHref = (page: number) => {
    const query = new URLSearchParams({ ...(who ? { who } : {}), ...(action ? { action } : {}), page: String(page) });
    return `${base}/audit?${query}`;
  };
  const label = (user: { name: string | null; email: string } | null) => (user ? (user.name ?? user.email) : null);

  return (
    <PageBody wide>
      <PageHeader
        title="Audit log"
        description="Every change in this organisation: who, what and when."
        actions={
          can(role, 'audit.export') ? (
            <a href={`${base}/audit/export`} className="text-sm underline" data-testid="audit-export">
              Download CSV
            </a>
          ) : null
        }
      />
      <AuditFilters
        action={`${base}/audit`}
        who={who ?? ''}
        selectedAction={action ?? ''}
        people={options.people.map((p) => ({ id: p.id, label: p.name ? `${p.name} (${p.email})` : p.email }))}
        actions={options.actions.map((a) => ({ value: a, label: actionLabel(a) }))}
      />
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {log.total === 1 ? '1 entry' : `${log.total} entries`} · page {log.page} of {log.pageCount}
      </p>
      <AuditEntries
        entries={log.entries.map((entry) => ({
          id: entry.id,
          at: entry.createdAt.toISOString(),
          who:
            label(entry.user) ??
            (entry.user === null && entry.action.startsWith('items.') ? 'An API key' : 'A former member'),
          what: describeAudit(entry.action, entry.data, () => label(entry.target) ?? undefined),
          ip: describeIp(entry.ip),
        }))}
      />
      <nav aria-label="Pages" className="flex gap-4 text-sm">
        {log.page > 1 ? (
          <Link href={pageHref(log.page - 1)} className="font-medium underline underline-offset-4" rel="prev">
            ← Newer
          </Link>
        ) : null}
        {log.page < log.pageCount ? (
          <Link href={pageHref(log.page + 1)} className="font-medium underline underline-offset-4" rel="next">
            Older →
          </Link>
        ) : null}
      </nav>
    </PageBody>
  );
}
