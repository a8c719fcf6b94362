import 'server-only';
import { forTenant } from '@/lib/db';

/**
 * The tenant's documents (the live-presence demo): every read and write, for the pages and the
 * actions. Scoped by `forTenant`: another tenant's document id is simply not found, and a write
 * to it changes nothing. Tests: tests/documents/queries.test.ts, tests/documents/documents-actions.test.ts.
 */
export type DocumentSummary = { id: string; title: string };
export type DocumentDetail = DocumentSummary & { body: string };

export async function listDocuments(tenantId: string): Promise<DocumentSummary[]> {
  return forTenant(tenantId).document.findMany({ select: { id: true, title: true }, orderBy: { createdAt: 'asc' } });
}

export async function findDocument(tenantId: string, id: string): Promise<DocumentDetail | null> {
  return forTenant(tenantId).document.findFirst({ where: { id }, select: { id: true, title: true, body: true } });
}

export async function insertDocument(
  tenantId: string,
  input: { title: string; body: string },
): Promise<DocumentSummary> {
  return forTenant(tenantId).document.create({
    data: { tenantId, title: input.title, body: input.body },
    select: { id: true, title: true },
  });
}

/** True when the document existed in THIS tenant and now has the new title. */
export async function renameDocument(tenantId: string, { id, title }: { id: string; title: string }): Promise<boolean> {
  const { count } = await forTenant(tenantId).document.updateMany({ where: { id }, data: { title } });
  return count === 1;
}

/** True when the document existed in THIS tenant and is now gone. */
export async function deleteDocument(tenantId: string, id: string): Promise<boolean> {
  const { count } = await forTenant(tenantId).document.deleteMany({ where: { id } });
  return count === 1;
}
