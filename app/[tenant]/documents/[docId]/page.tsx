import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DocumentControls } from '@/components/documents/document-controls';
import { PresenceAvatars } from '@/components/presence/presence-avatars';
import { PageBody, PageHeader } from '@/components/shell/page-header';
import { getMemberContext, requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { findDocument } from '@/lib/documents/queries';
import { featureEnabled } from '@/lib/settings/features';
import { getTenantBasePath } from '@/lib/tenants/server';

type Props = { params: Promise<{ tenant: string; docId: string }> };

/** "<document title> · <tenant>", for members only (like every tenant page's title). */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant: slug, docId } = await params;
  const context = await getMemberContext('documents.view', slug);
  const doc = context ? await findDocument(context.tenant.id, docId) : null;
  return { title: context && doc ? `${doc.title} · ${context.tenant.name}` : 'Document' };
}

/** The presence demo: who else is viewing this document, live. */
export default async function DocumentPage({ params }: Props) {
  const { tenant: slug, docId } = await params;
  const { tenant, role } = await requirePermission('documents.view', slug);
  if (!featureEnabled(tenant, 'documents')) notFound();
  // Scoped: another tenant's document id is simply not found here.
  const doc = await findDocument(tenant.id, docId);
  if (!doc) notFound();
  const base = await getTenantBasePath();
  const mayEdit = can(role, 'documents.update') && can(role, 'documents.delete');

  return (
    <PageBody>
      <Link
        className="inline-flex items-center gap-1 text-sm font-medium text-muted-foreground hover:text-foreground"
        href={`${base}/documents`}
      >
        <ArrowLeft className="size-4" aria-hidden="true" /> Documents
      </Link>
      <PageHeader
        title={doc.title}
        actions={mayEdit ? <DocumentControls id={doc.id} title={doc.title} basePath={base} /> : null}
      />
      <PresenceAvatars presenceKey={`doc-${doc.id}`} tokenUrl={`${base}/api/realtime/token`} />
      <article className="whitespace-pre-wrap break-words rounded-lg border border-border p-4 leading-relaxed">
        {doc.body || <span className="text-muted-foreground">This document is empty.</span>}
      </article>
    </PageBody>
  );
}
