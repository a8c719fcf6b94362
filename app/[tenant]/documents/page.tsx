import type { Metadata } from 'next';
import { DocumentList } from '@/components/documents/document-list';
import { requireMember } from '@/lib/auth/guard';
import { getTenantBasePath } from '@/lib/tenants/server';

type Props = { params: Promise<{ tenant: string }> };

export const metadata: Metadata = { title: 'Documents' };

export default async function DocumentsPage({ params }: Props) {
  const { tenant } = await requireMember('MEMBER', (await params).tenant);
  const base = await getTenantBasePath();
  return (
    <main className="mx-auto max-w-3xl space-y-6 p-8">
      <h1 className="text-3xl font-semibold">Documents</h1>
      <p className="text-sm text-zinc-500">Open one to see who else is viewing it, live.</p>
      <DocumentList tenantId={tenant.id} basePath={base} />
    </main>
  );
}
