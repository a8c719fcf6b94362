'use server';

import { tenantAction } from '@/lib/actions/tenant-action';
import { createItemAction, deleteItemAction, renameItemAction } from '@/lib/items/actions';

// The forms' entry points; each body lives in lib/items/actions.ts.
export const createItem = tenantAction(createItemAction.def, createItemAction.body);
export const renameItem = tenantAction(renameItemAction.def, renameItemAction.body);
export const deleteItem = tenantAction(deleteItemAction.def, deleteItemAction.body);
