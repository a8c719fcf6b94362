import 'server-only';
import { forTenant } from '@/lib/db';

/**
 * The tenant's documents (the live-presence demo). Scoped by `forTenant`: another tenant's
 * document id is simply not found. Tests: tests/documents/queries.test.ts.
 */
export type DocumentSummary = { id: string; title: string };
export type DocumentDetail = DocumentSummary & { body: string };

export async function listDocuments(tenantId: string): Promise<DocumentSummary[]> {
  return forTenant(tenantId).document.findMany({ select: { id: true, title: true }, orderBy: { createdAt: 'asc' } });
}

export async function findDocument(tenantId: string, id: string): Promise<DocumentDetail | null> {
  return forTenant(tenantId).document.findFirst({ where: { id }, select: { id: true, title: true, body: true } });
}
