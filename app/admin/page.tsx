import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { requireOperator } from '@/lib/platform/operator-session';
import { listTenants, parseTenantListQuery, TENANT_SORTS, type TenantSort } from '@/lib/platform/tenants';

export const metadata: Metadata = { title: 'Tenants' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const LABELS: Record<TenantSort, string> = {
  name: 'Name',
  slug: 'Slug',
  plan: 'Plan',
  members: 'Members',
  created: 'Created',
  activity: 'Last activity',
};

export default async function AdminTenantsPage({ searchParams }: Props) {
  await requireOperator();
  const query = parseTenantListQuery(await searchParams);
  const { rows, total } = await listTenants(query);
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const href = (over: Partial<typeof query>) => {
    const next = { ...query, ...over };
    const params = new URLSearchParams({ q: next.q, sort: next.sort, dir: next.dir, page: String(next.page) });
    return `/admin?${params}`;
  };

  return (
    <main className="mx-auto max-w-6xl space-y-6 p-8">
      <h1 className="text-3xl font-semibold">Tenants</h1>
      <form className="flex gap-2" action="/admin">
        <label htmlFor="q" className="sr-only">
          Search by name or slug
        </label>
        <input
          id="q"
          name="q"
          defaultValue={query.q}
          placeholder="Search by name or slug"
          className="flex-1 rounded border px-3 py-2"
        />
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <button type="submit" className="rounded border px-4 py-2">
          Search
        </button>
      </form>
      <Table data-testid="tenants">
        <TableHeader>
          <TableRow>
            {TENANT_SORTS.map((sort) => (
              <TableHead key={sort}>
                <Link href={href({ sort, dir: query.sort === sort && query.dir === 'asc' ? 'desc' : 'asc', page: 1 })}>
                  {LABELS[sort]}
                  {query.sort === sort ? (query.dir === 'asc' ? ' ↑' : ' ↓') : ''}
                </Link>
              </TableHead>
            ))}
            <TableHead>Status</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((t) => (
            <TableRow key={t.id} data-testid={`tenant-${t.slug}`}>
              <TableCell>
                <Link href={`/admin/tenants/${t.slug}`} className="underline">
                  {t.name}
                </Link>
              </TableCell>
              <TableCell>{t.slug}</TableCell>
              <TableCell>{t.plan ?? 'free'}</TableCell>
              <TableCell>{t.members}</TableCell>
              <TableCell>{t.createdAt.toISOString().slice(0, 10)}</TableCell>
              <TableCell>
                {t.lastActivity ? t.lastActivity.toISOString().slice(0, 16).replace('T', ' ') : '—'}
              </TableCell>
              <TableCell>
                {t.purgeAfter ? (
                  <Badge variant="destructive">deleting</Badge>
                ) : t.suspendedAt ? (
                  <Badge variant="secondary">suspended</Badge>
                ) : (
                  <Badge variant="outline">active</Badge>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <nav aria-label="Pages" className="flex items-center gap-4 text-sm">
        {query.page > 1 ? <Link href={href({ page: query.page - 1 })}>← Previous</Link> : null}
        <span>
          Page {Math.min(query.page, pages)} of {pages} ({total} tenants)
        </span>
        {query.page < pages ? <Link href={href({ page: query.page + 1 })}>Next →</Link> : null}
      </nav>
    </main>
  );
}
