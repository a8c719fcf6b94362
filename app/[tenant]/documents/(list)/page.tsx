import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DocumentList } from '@/components/documents/document-list';
import { NewDocumentForm } from '@/components/documents/new-document-form';
import { PageBody, PageHeader } from '@/components/shell/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/guard';
import { tenantPageMetadata } from '@/lib/auth/page-title';
import { can } from '@/lib/auth/permissions';
import { listDocuments } from '@/lib/documents/queries';
import { featureEnabled } from '@/lib/settings/features';
import { getTenantBasePath } from '@/lib/tenants/server';

type Props = { params: Promise<{ tenant: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tenantPageMetadata('Documents', (await params).tenant);
}

/** Member+. With the Documents feature switched off in Settings the page does not exist (404). */
export default async function DocumentsPage({ params }: Props) {
  const { tenant, role } = await requirePermission('documents.view', (await params).tenant);
  if (!featureEnabled(tenant, 'documents')) notFound();
  const [documents, base] = await Promise.all([listDocuments(tenant.id), getTenantBasePath()]);
  return (
    <PageBody>
      <PageHeader title="Documents" description="Open one to see who else is viewing it, live." />
      <DocumentList documents={documents} basePath={base} />
      {can(role, 'documents.create') ? (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2 className="text-lg font-semibold">New document</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <NewDocumentForm basePath={base} />
          </CardContent>
        </Card>
      ) : null}
    </PageBody>
  );
}
