'use server';

import { tenantAction } from '@/lib/actions/tenant-action';
import { createApiKeyAction, revokeApiKeyAction } from '@/lib/api-keys/actions';

// The API key forms' entry points; each body lives in lib/api-keys/actions.ts.
export const createApiKey = tenantAction(createApiKeyAction.def, createApiKeyAction.body);
export const revokeApiKey = tenantAction(revokeApiKeyAction.def, revokeApiKeyAction.body);
