'use server';

import { publicFormAction } from '@/lib/actions/public-action';
import { createTenantFromForm } from '@/lib/onboarding/actions';

// The form's entry point; the body lives in lib/onboarding/actions.ts. No tenant yet: `publicFormAction`.
export const createTenantAction = publicFormAction('tenant.create', createTenantFromForm);
