import 'server-only';
import { ActionError, NOT_FOUND_MESSAGE } from '@/lib/actions/run-tenant-action';
import { defineAction } from '@/lib/actions/define-action';
import { deleteItem, insertItem, ITEM_NAME_TAKEN, renameItem } from '@/lib/items/queries';
import { createItemSchema, deleteItemSchema, renameItemSchema } from '@/lib/items/schemas';
import { featureEnabled } from '@/lib/settings/features';
import type { TenantInfo } from '@/lib/tenants/tenant-info';

/**
 * Items CRUD as tenant actions: each definition (audit name = permission, schema) with its body.
 * components/items/actions.ts wraps them with `tenantAction` for the forms; tests call them through
 * `runTenantAction`. Guard, permission, rate limit, validation, tenant scope and audit all come
 * from the wrapper, so a body is only the business logic: call the query, turn its refusal into
 * an `ActionError` the form shows. Tests: tests/auth/tenant-action.test.ts.
 */
const taken = () => new ActionError(ITEM_NAME_TAKEN, { name: [ITEM_NAME_TAKEN] });

/** With Items switched off in Settings the feature does not exist: its actions answer like a 404. */
function requireItems(tenant: TenantInfo): void {
  if (!featureEnabled(tenant, 'items')) throw new ActionError(NOT_FOUND_MESSAGE);
}

export const createItemAction = defineAction(
  { name: 'items.create', schema: createItemSchema },
  async (input, { tenant, user }) => {
    requireItems(tenant);
    const result = await insertItem(tenant.id, { name: input.name, createdById: user.id });
    if (!result.ok) throw taken();
    return { message: `Added “${input.name}”`, data: { id: result.item.id }, audit: { id: result.item.id } };
  },
);

export const renameItemAction = defineAction(
  { name: 'items.update', schema: renameItemSchema },
  async (input, { tenant }) => {
    requireItems(tenant);
    const result = await renameItem(tenant.id, input);
    if (!result.ok) throw result.reason === 'taken' ? taken() : new ActionError('Item not found');
    return { message: 'Renamed' };
  },
);

export const deleteItemAction = defineAction(
  { name: 'items.delete', schema: deleteItemSchema },
  async (input, { tenant }) => {
    requireItems(tenant);
    if (!(await deleteItem(tenant.id, input.id))) throw new ActionError('Item not found');
    return { message: 'Deleted' };
  },
);
