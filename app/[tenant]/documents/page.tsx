import type { Metadata } from 'next';
import { NotInPlan } from '@/components/billing/not-in-plan';
import { DocumentList } from '@/components/documents/document-list';
import { requirePermission } from '@/lib/auth/guard';
import { entitlements } from '@/lib/billing/entitlements';
import { listDocuments } from '@/lib/documents/queries';
import { getTenantBasePath } from '@/lib/tenants/server';

type Props = { params: Promise<{ tenant: string }> };

export const metadata: Metadata = { title: 'Documents' };

export default async function DocumentsPage({ params }: Props) {
  const { tenant } = await requirePermission('documents.view', (await params).tenant);
  const plan = await entitlements(tenant.id);
  if (!plan.features.documents)
    return (
      <main className="mx-auto max-w-3xl space-y-6 p-8">
        <h1 className="text-3xl font-semibold">Documents</h1>
        <NotInPlan feature="Documents" planName={plan.planName} />
      </main>
    );
  const [documents, base] = await Promise.all([listDocuments(tenant.id), getTenantBasePath()]);
  return (
    <main className="mx-auto max-w-3xl space-y-6 p-8">
      <h1 className="text-3xl font-semibold">Documents</h1>
      <p className="text-sm text-zinc-500">Open one to see who else is viewing it, live.</p>
      <DocumentList documents={documents} basePath={base} />
    </main>
  );
}
