'use server';

import { publicVoidAction } from '@/lib/actions/public-action';
import { switchTenantFromForm } from '@/lib/tenant-switcher/actions';

// The switcher form's entry point; the body lives in lib/tenant-switcher/actions.ts. The target is not
// the request's tenant, so `publicVoidAction` guards the arguments instead of `tenantAction`.
export const switchTenant = publicVoidAction('tenant.switch', switchTenantFromForm);
