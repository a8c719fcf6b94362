import type { Metadata } from 'next';
import { requireMember } from '@/lib/auth/guard';
import { forTenant } from '@/lib/db';
import { getTenantBasePath } from '@/lib/tenants/server';

type Props = { params: Promise<{ tenant: string }> };

export const metadata: Metadata = { title: 'Documents' };

export default async function DocumentsPage({ params }: Props) {
  const { tenant } = await requireMember('MEMBER', (await params).tenant);
  const [documents, base] = await Promise.all([
    forTenant(tenant.id).document.findMany({ select: { id: true, title: true }, orderBy: { createdAt: 'asc' } }),
    getTenantBasePath(),
  ]);
  return (
    <main className="mx-auto max-w-3xl space-y-6 p-8">
      <h1 className="text-3xl font-semibold">Documents</h1>
      <p className="text-sm text-zinc-500">Open one to see who else is viewing it, live.</p>
      <ul className="list-disc pl-6">
        {documents.map((doc) => (
          <li key={doc.id}>
            <a className="underline" href={`${base}/documents/${doc.id}`}>
              {doc.title}
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}
