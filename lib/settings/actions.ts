import 'server-only';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/run-tenant-action';
import { settingsFormSchema } from '@/lib/settings/schema';
import { updateSettings } from '@/lib/settings/settings';
import { invalidateTenant } from '@/lib/tenants/tenant-store';

/**
 * The settings form's action (`settings.update`); entry point in components/settings/actions.ts.
 * It cannot change the plan (billing owns it; tests/billing/access.test.ts). After a save the tenant cache is
 * invalidated and the tenant layout re-rendered, so the new theme and logo show at once.
 */
export const saveSettingsAction = defineAction(
  { name: 'settings.update', schema: settingsFormSchema },
  async (input, { tenant }) => {
    const result = await updateSettings({ tenantId: tenant.id, input });
    if (!result.ok) throw new ActionError(result.error, result.field ? { [result.field]: [result.error] } : undefined);
    invalidateTenant(result.slug);
    revalidatePath('/[tenant]', 'layout');
    return { message: 'Settings saved.', audit: { changed: result.changed } };
  },
);
