import 'server-only';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/run-tenant-action';
import { createApiKey, listApiKeys, revokeApiKey } from '@/lib/api-keys/api-keys';
import { entitlements } from '@/lib/billing/entitlements';
import { createApiKeySchema, revokeApiKeySchema } from '@/lib/api-keys/schemas';

/**
 * Creating and revoking API keys from the settings page (`apiKeys.manage`); entry points in
 * components/api-keys/actions.ts.
 */
const SETTINGS_PAGE = '/[tenant]/settings';

export const createApiKeyAction = defineAction(
  { name: 'apiKeys.create', permission: 'apiKeys.manage', schema: createApiKeySchema },
  async (input, { tenant, user }) => {
    // The plan's API-key limit counts keys that still work; revoked ones are history.
    const { apiKeyLimit, planName } = await entitlements(tenant.id);
    const active = (await listApiKeys(tenant.id)).filter((k) => k.revokedAt === null).length;
    if (active >= apiKeyLimit)
      throw new ActionError(
        `The ${planName} plan allows ${apiKeyLimit} API keys; revoke one or upgrade on the Billing page.`,
      );
    const { key, apiKey } = await createApiKey({ tenantId: tenant.id, userId: user.id, name: input.name });
    revalidatePath(SETTINGS_PAGE, 'page');
    // `data.key` is shown once to the creator; the audit entry records only the id and prefix.
    return { message: 'API key created.', data: { key }, audit: { keyId: apiKey.id, prefix: apiKey.prefix } };
  },
);

export const revokeApiKeyAction = defineAction(
  { name: 'apiKeys.revoke', permission: 'apiKeys.manage', schema: revokeApiKeySchema },
  async (input, { tenant }) => {
    if (!(await revokeApiKey(tenant.id, input.id)))
      throw new ActionError('That key does not exist or is already revoked.');
    revalidatePath(SETTINGS_PAGE, 'page');
    return { message: 'API key revoked.' };
  },
);
