import 'server-only';
import { defineAction } from '@/lib/actions/define-action';
import { ActionError, NOT_FOUND_MESSAGE } from '@/lib/actions/run-tenant-action';
import { deleteDocument, insertDocument, renameDocument } from '@/lib/documents/queries';
import { createDocumentSchema, deleteDocumentSchema, renameDocumentSchema } from '@/lib/documents/schemas';
import { featureEnabled } from '@/lib/settings/features';
import type { TenantInfo } from '@/lib/tenants/tenant-info';

/**
 * Documents CRUD as tenant actions (member+: `documents.create|update|delete`). The wrapper does
 * guard, permission, rate limit, validation, scope and audit; a body adds the one rule of its own:
 * with the Documents feature switched off in Settings the feature does not exist, so every action
 * answers "Not found" like the pages do. Tests: tests/documents/documents-actions.test.ts.
 */
function requireDocuments(tenant: TenantInfo): void {
  if (!featureEnabled(tenant, 'documents')) throw new ActionError(NOT_FOUND_MESSAGE);
}

export const createDocumentAction = defineAction(
  { name: 'documents.create', schema: createDocumentSchema },
  async (input, { tenant }) => {
    requireDocuments(tenant);
    const doc = await insertDocument(tenant.id, input);
    return { message: `Created “${doc.title}”`, data: { id: doc.id }, audit: { id: doc.id } };
  },
);

export const renameDocumentAction = defineAction(
  { name: 'documents.update', schema: renameDocumentSchema },
  async (input, { tenant }) => {
    requireDocuments(tenant);
    if (!(await renameDocument(tenant.id, input))) throw new ActionError('Document not found');
    return { message: 'Renamed' };
  },
);

export const deleteDocumentAction = defineAction(
  { name: 'documents.delete', schema: deleteDocumentSchema },
  async (input, { tenant }) => {
    requireDocuments(tenant);
    if (!(await deleteDocument(tenant.id, input.id))) throw new ActionError('Document not found');
    return { message: 'Deleted' };
  },
);
