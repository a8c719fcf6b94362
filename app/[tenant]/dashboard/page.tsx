import type { Metadata } from 'next';
import Link from 'next/link';
import { DocumentList } from '@/components/documents/document-list';
import { AddItemForm } from '@/components/items/add-item-form';
import { ItemRow } from '@/components/items/item-row';
import { PageBody, PageHeader } from '@/components/shell/page-header';
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/guard';
import { tenantPageMetadata } from '@/lib/auth/page-title';
import { can } from '@/lib/auth/permissions';
import { listDocuments } from '@/lib/documents/queries';
import { listItems } from '@/lib/items/queries';
import { featureEnabled } from '@/lib/settings/features';
import { getTenantBasePath } from '@/lib/tenants/server';

type Props = { params: Promise<{ tenant: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tenantPageMetadata('Dashboard', (await params).tenant);
}

export default async function DashboardPage({ params }: Props) {
  const { tenant, role } = await requirePermission('items.view', (await params).tenant);
  const showItems = featureEnabled(tenant, 'items');
  const showDocuments = featureEnabled(tenant, 'documents');
  const [items, documents, base] = await Promise.all([
    showItems ? listItems(tenant.id) : [],
    showDocuments ? listDocuments(tenant.id) : [],
    getTenantBasePath(),
  ]);
  const canDelete = can(role, 'items.delete');

  return (
    <PageBody>
      <PageHeader title={`${tenant.name} Dashboard`} description="What your organisation is working on." />
      {showItems ? (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2 className="text-lg font-semibold">Items</h2>
            </CardTitle>
            <CardDescription>Shared with everyone in {tenant.name}.</CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            {can(role, 'items.create') ? <AddItemForm /> : null}
            <ul data-testid="items" className="divide-y divide-border rounded-md border border-border empty:hidden">
              {items.map((item) => (
                <ItemRow key={item.id} id={item.id} name={item.name} canDelete={canDelete} />
              ))}
            </ul>
            {items.length === 0 ? <p className="text-sm text-muted-foreground">No items yet.</p> : null}
          </CardContent>
        </Card>
      ) : null}
      {showDocuments ? (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2 className="text-lg font-semibold">Documents</h2>
            </CardTitle>
            <CardDescription>Open one to see who else is reading it.</CardDescription>
            <CardAction>
              <Link href={`${base}/documents`} className="text-sm font-medium underline underline-offset-4">
                All documents
              </Link>
            </CardAction>
          </CardHeader>
          <CardContent>
            <DocumentList documents={documents} basePath={base} />
          </CardContent>
        </Card>
      ) : null}
      {!showItems && !showDocuments ? (
        <p className="text-sm text-muted-foreground">
          Every feature is switched off for this organisation. An admin can switch them on in Settings.
        </p>
      ) : null}
    </PageBody>
  );
}
