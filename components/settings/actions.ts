'use server';

import { tenantAction } from '@/lib/actions/tenant-action';
import { saveSettingsAction } from '@/lib/settings/actions';

// The settings form's entry point; the body lives in lib/settings/actions.ts.
export const saveSettings = tenantAction(saveSettingsAction.def, saveSettingsAction.body);
