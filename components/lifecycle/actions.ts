'use server';

import { tenantAction } from '@/lib/actions/tenant-action';
import { deleteTenantAction, restoreTenantAction, transferOwnershipAction } from '@/lib/lifecycle/actions';

// The owner's lifecycle entry points; bodies in lib/lifecycle/actions.ts.
export const deleteTenant = tenantAction(deleteTenantAction.def, deleteTenantAction.body);
export const restoreTenant = tenantAction(restoreTenantAction.def, restoreTenantAction.body);
export const transferOwnership = tenantAction(transferOwnershipAction.def, transferOwnershipAction.body);
