'use server';

import { tenantAction } from '@/lib/actions/tenant-action';
import { createDocumentAction, deleteDocumentAction, renameDocumentAction } from '@/lib/documents/actions';

// The forms' entry points; each body lives in lib/documents/actions.ts.
export const createDocument = tenantAction(createDocumentAction.def, createDocumentAction.body);
export const renameDocument = tenantAction(renameDocumentAction.def, renameDocumentAction.body);
export const deleteDocument = tenantAction(deleteDocumentAction.def, deleteDocumentAction.body);
