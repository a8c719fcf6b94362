import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { findDocument } from '@/lib/documents/queries';
import { requirePermission } from '@/lib/auth/guard';

type Props = { children: ReactNode; params: Promise<{ tenant: string; docId: string }> };

/**
 * The page's check, once more ABOVE its loading.tsx: the page streams behind that Suspense
 * boundary, so a refusal thrown there could only render the 403/404 page under a 200 status. Here
 * it still sets the status. The page keeps its own check (a layout is not a wall).
 */
export default async function Layout({ children, params }: Props) {
  const { tenant: slug, docId } = await params;
  const { tenant } = await requirePermission('documents.view', slug);
  if (!(await findDocument(tenant.id, docId))) notFound();
  return children;
}
