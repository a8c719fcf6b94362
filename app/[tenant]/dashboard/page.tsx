import type { Metadata } from 'next';
import { forTenant } from '@/lib/db';
import { getTenantBasePath, requireTenant } from '@/lib/tenants/server';

type Props = { params: Promise<{ tenant: string }> };

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage({ params }: Props) {
  const tenant = await requireTenant((await params).tenant);
  const scoped = forTenant(tenant.id);
  const [items, documents, base] = await Promise.all([
    scoped.item.findMany({ select: { id: true, name: true }, orderBy: { createdAt: 'asc' } }),
    scoped.document.findMany({ select: { id: true, title: true }, orderBy: { createdAt: 'asc' } }),
    getTenantBasePath(),
  ]);

  return (
    <main className="mx-auto max-w-3xl p-8 space-y-8">
      <h1 className="text-3xl font-semibold">{tenant.name} Dashboard</h1>
      <section>
        <h2 className="text-xl font-medium mb-2">Items</h2>
        <ul data-testid="items" className="list-disc pl-6">
          {items.map((item) => (
            <li key={item.id}>{item.name}</li>
          ))}
        </ul>
      </section>
      <section>
        <h2 className="text-xl font-medium mb-2">Documents</h2>
        <ul className="list-disc pl-6">
          {documents.map((doc) => (
            <li key={doc.id}>
              <a className="underline" href={`${base}/documents/${doc.id}`}>
                {doc.title}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
