import type { Metadata } from 'next';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { listPlatformAudit } from '@/lib/platform/audit';
import { requireOperator } from '@/lib/platform/operator-session';

export const metadata: Metadata = { title: 'Platform audit log' };

export default async function PlatformAuditPage() {
  await requireOperator();
  const entries = await listPlatformAudit({ take: 200 });
  return (
    <main className="mx-auto max-w-6xl space-y-6 p-8">
      <div className="flex items-center gap-4">
        <h1 className="text-3xl font-semibold">Platform audit log</h1>
        <a href="/admin/audit/export" className="ml-auto text-sm underline">
          Download CSV
        </a>
      </div>
      <Table data-testid="platform-audit">
        <TableHeader>
          <TableRow>
            <TableHead>When (UTC)</TableHead>
            <TableHead>Operator</TableHead>
            <TableHead>Action</TableHead>
            <TableHead>Tenant</TableHead>
            <TableHead>Details</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((e) => (
            <TableRow key={e.id}>
              <TableCell>{e.createdAt.toISOString().slice(0, 19).replace('T', ' ')}</TableCell>
              <TableCell>{e.actorEmail}</TableCell>
              <TableCell>{e.action}</TableCell>
              <TableCell>{e.targetTenantSlug ?? '—'}</TableCell>
              <TableCell className="max-w-md truncate font-mono text-xs">{JSON.stringify(e.data)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </main>
  );
}
