import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PresenceAvatars } from '@/components/presence/presence-avatars';
import { requirePermission } from '@/lib/auth/guard';
import { entitlements } from '@/lib/billing/entitlements';
import { findDocument } from '@/lib/documents/queries';
import { getTenantBasePath } from '@/lib/tenants/server';

type Props = { params: Promise<{ tenant: string; docId: string }> };

export const metadata: Metadata = { title: 'Document' };

/** The presence demo: who else is viewing this document, live. */
export default async function DocumentPage({ params }: Props) {
  const { tenant: slug, docId } = await params;
  const { tenant } = await requirePermission('documents.view', slug);
  const { features } = await entitlements(tenant.id);
  if (!features.documents) notFound();
  // Scoped: another tenant's document id is simply not found here.
  const doc = await findDocument(tenant.id, docId);
  if (!doc) notFound();
  const base = await getTenantBasePath();

  return (
    <main className="mx-auto max-w-3xl space-y-6 p-8">
      <a className="text-sm underline" href={`${base}/dashboard`}>
        ← Dashboard
      </a>
      <h1 className="text-3xl font-semibold">{doc.title}</h1>
      {features.presence ? (
        <PresenceAvatars presenceKey={`doc-${doc.id}`} tokenUrl={`${base}/api/realtime/token`} />
      ) : null}
      <article className="whitespace-pre-wrap">{doc.body || 'This document is empty.'}</article>
    </main>
  );
}
