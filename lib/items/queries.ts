import 'server-only';
import { forTenant } from '@/lib/db';
import { isUniqueViolation } from '@/lib/db/unique-violation';

/**
 * Every read and write of items, for the dashboard page, the server actions and the REST API.
 * Each takes the tenant id explicitly and goes through `forTenant`, so another tenant's item id is
 * simply "not found" and a query cannot forget its tenant. Names are unique per tenant (the
 * database's unique index decides, so two racing creates get the same clear answer).
 * Tests: tests/auth/tenant-action.test.ts, tests/accounts/api-keys.test.ts, tests/items/queries.test.ts.
 */
export const ITEM_NAME_TAKEN = 'An item with this name already exists';

/** What a page or an API client sees of an item. */
const ITEM = { id: true, name: true, createdAt: true } as const;

export type Item = { id: string; name: string; createdAt: Date };

/** Oldest first (then by id, so equal timestamps keep one order); `limit` caps an API page. */
export async function listItems(tenantId: string, { limit }: { limit?: number } = {}): Promise<Item[]> {
  return forTenant(tenantId).item.findMany({
    select: ITEM,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: limit,
  });
}

export type InsertResult = { ok: true; item: Item } | { ok: false; reason: 'taken' };
export type RenameResult = { ok: true } | { ok: false; reason: 'taken' | 'not-found' };

export async function insertItem(
  tenantId: string,
  { name, createdById }: { name: string; createdById: string | null },
): Promise<InsertResult> {
  try {
    const item = await forTenant(tenantId).item.create({ data: { tenantId, name, createdById }, select: ITEM });
    return { ok: true, item };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'taken' };
    throw error;
  }
}

export async function renameItem(tenantId: string, { id, name }: { id: string; name: string }): Promise<RenameResult> {
  try {
    const { count } = await forTenant(tenantId).item.updateMany({ where: { id }, data: { name } });
    return count === 1 ? { ok: true } : { ok: false, reason: 'not-found' };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'taken' };
    throw error;
  }
}

/** True when the item existed in THIS tenant and is now gone. */
export async function deleteItem(tenantId: string, id: string): Promise<boolean> {
  const { count } = await forTenant(tenantId).item.deleteMany({ where: { id } });
  return count === 1;
}
