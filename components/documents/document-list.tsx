import type { DocumentSummary } from '@/lib/documents/queries';

type Props = { documents: DocumentSummary[]; basePath: string };

/** The tenant's documents, each linking to its live-presence page. */
export function DocumentList({ documents, basePath }: Props) {
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
