import { FileText } from 'lucide-react';
import Link from 'next/link';
import type { DocumentSummary } from '@/lib/documents/queries';

type Props = { documents: DocumentSummary[]; basePath: string };

/** The tenant's documents, each linking (client-side) to its live-presence page. */
export function DocumentList({ documents, basePath }: Props) {
  if (documents.length === 0) return <p className="text-sm text-muted-foreground">No documents yet.</p>;
  return (
    <ul className="divide-y divide-border rounded-md border border-border" data-testid="documents">
      {documents.map((doc) => (
        <li key={doc.id}>
          <Link
            className="flex items-center gap-3 px-3 py-2 text-sm font-medium outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring"
            href={`${basePath}/documents/${doc.id}`}
          >
            <FileText className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
            <span className="min-w-0 break-words">{doc.title}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
