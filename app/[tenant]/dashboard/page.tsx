import type { Metadata } from 'next';
import { DocumentList } from '@/components/documents/document-list';
import { AddItemForm } from '@/components/items/add-item-form';
import { ItemRow } from '@/components/items/item-row';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { listDocuments } from '@/lib/documents/queries';
import { listItems } from '@/lib/items/queries';
import { getTenantBasePath } from '@/lib/tenants/server';

type Props = { params: Promise<{ tenant: string }> };

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage({ params }: Props) {
  const { tenant, role } = await requirePermission('items.view', (await params).tenant);
  const [items, documents, base] = await Promise.all([
    listItems(tenant.id),
    listDocuments(tenant.id),
    getTenantBasePath(),
  ]);
  const canDelete = can(role, 'items.delete');

  return (
    <main className="mx-auto max-w-3xl space-y-8 p-8">
      <h1 className="text-3xl font-semibold">{`${tenant.name} Dashboard`}</h1>
      <section className="space-y-3">
        <h2 className="text-xl font-medium">Items</h2>
        {can(role, 'items.create') ? <AddItemForm /> : null}
        <ul data-testid="items" className="space-y-2">
          {items.map((item) => (
            <ItemRow key={item.id} id={item.id} name={item.name} canDelete={canDelete} />
          ))}
        </ul>
        {items.length === 0 ? <p className="text-sm text-zinc-500">No items yet.</p> : null}
      </section>
      <section>
        <h2 className="mb-2 text-xl font-medium">Documents</h2>
        <DocumentList documents={documents} basePath={base} />
      </section>
    </main>
  );
}
