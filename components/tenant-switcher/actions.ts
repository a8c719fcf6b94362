'use server';

import { switchTenantFromForm } from '@/lib/tenant-switcher/actions';

// The switcher form's entry point; the body lives in lib/tenant-switcher/actions.ts.
export async function switchTenant(formData: FormData): Promise<void> {
  return switchTenantFromForm(formData);
}
