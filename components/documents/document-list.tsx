import { forTenant } from '@/lib/db';

type Props = { tenantId: string; basePath: string };

/** The tenant's documents, each linking to its live-presence page. Server component. */
export async function DocumentList({ tenantId, basePath }: Props) {
  const documents = await forTenant(tenantId).document.findMany({
    select: { id: true, title: true },
    orderBy: { createdAt: 'asc' },
  });
  if (documents.length === 0) return <p className="text-sm text-zinc-500">No documents yet.</p>;
  return (
    <ul className="list-disc pl-6">
      {documents.map((doc) => (
        <li key={doc.id}>
          <a className="underline" href={`${basePath}/documents/${doc.id}`}>
            {doc.title}
          </a>
        </li>
      ))}
    </ul>
  );
}
