'use server';

import type { ActionState } from '@/lib/actions/action-state';
import { createTenantFromForm } from '@/lib/onboarding/actions';

// The form's entry point; the body lives in lib/onboarding/actions.ts.
export async function createTenantAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return createTenantFromForm(prev, formData);
}
