'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ActionError, tenantAction } from '@/lib/actions/tenant-action';
import { createApiKey, revokeApiKey } from '@/lib/api-keys/api-keys';
import { updateSettings } from '@/lib/settings/settings';
import { settingsFormSchema } from '@/lib/settings/schema';
import { invalidateTenant } from '@/lib/tenants/tenant-store';

/**
 * Settings page actions (`settings.update`, `apiKeys.manage`), each through `tenantAction`. The
 * plan is OWNER-only, checked in `updateSettings`. After a save the tenant cache is invalidated and
 * the tenant layout re-rendered, so the new theme and logo show at once.
 */
export const saveSettings = tenantAction({ name: 'settings.update', schema: settingsFormSchema }, async (input, { tenant, role }) => {
  const result = await updateSettings({ tenantId: tenant.id, actorRole: role, input });
  if (!result.ok) throw new ActionError(result.error, result.field ? { [result.field]: [result.error] } : undefined);
  invalidateTenant(result.slug);
  revalidatePath('/[tenant]', 'layout');
  return { message: 'Settings saved.', audit: { changed: result.changed } };
});

export const createApiKeyAction = tenantAction(
  {
    name: 'apiKeys.create',
    permission: 'apiKeys.manage',
    schema: z.object({ name: z.string({ error: 'Name the key.' }).trim().min(1, 'Name the key.').max(60, 'Keep the name under 60 characters.') }),
  },
  async (input, { tenant, user }) => {
    const { key, apiKey } = await createApiKey({ tenantId: tenant.id, userId: user.id, name: input.name });
    revalidatePath('/[tenant]/settings', 'page');
    // `data.key` is shown once to the creator; the audit entry records only the id and prefix.
    return { message: 'API key created.', data: { key }, audit: { keyId: apiKey.id, prefix: apiKey.prefix } };
  },
);

export const revokeApiKeyAction = tenantAction(
  { name: 'apiKeys.revoke', permission: 'apiKeys.manage', schema: z.object({ id: z.string().min(1).max(64) }) },
  async (input, { tenant }) => {
    if (!(await revokeApiKey(tenant.id, input.id))) throw new ActionError('That key does not exist or is already revoked.');
    revalidatePath('/[tenant]/settings', 'page');
    return { message: 'API key revoked.' };
  },
);
