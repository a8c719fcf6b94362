'use server';

import { deleteTenantOp, restoreTenantOp, suspendTenantOp, unsuspendTenantOp } from '@/lib/platform/actions';
import { startImpersonationFromForm, stopImpersonationNow } from '@/lib/platform/impersonation-entry';
import { operatorAction } from '@/lib/platform/operator-action';

// The console's entry points; bodies in lib/platform/actions.ts, each behind the operator check.
export const suspendTenant = operatorAction(suspendTenantOp.def, suspendTenantOp.body);
export const unsuspendTenant = operatorAction(unsuspendTenantOp.def, unsuspendTenantOp.body);
export const deleteTenant = operatorAction(deleteTenantOp.def, deleteTenantOp.body);
export const restoreTenant = operatorAction(restoreTenantOp.def, restoreTenantOp.body);

export async function startImpersonation(prev: Parameters<typeof startImpersonationFromForm>[0], formData: FormData) {
  return startImpersonationFromForm(prev, formData);
}

export async function stopImpersonation(): Promise<void> {
  await stopImpersonationNow();
}
