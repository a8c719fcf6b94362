import type { ZodType } from 'zod';
import { type ActionBody, type ActionDefinition, ActionError } from '@/lib/actions/run-tenant-action';
import { db } from '@/lib/db';
import { createItemSchema, deleteItemSchema, renameItemSchema } from './schemas';

/**
 * Items CRUD: definitions and bodies, wrapped into server actions in ./actions.ts (a 'use server'
 * file may only export actions) and called directly by tests. Guard, permission, rate limit,
 * validation, tenant scope and audit all come from `tenantAction`; inside a body `db` is scoped to
 * the tenant, so another tenant's id is simply "not found".
 */
function prismaCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const TAKEN = 'An item with this name already exists';

type Pair<S extends ActionDefinition<ZodType>> = { def: S; body: ActionBody<S['schema']> };

function define<S extends ActionDefinition<ZodType>>(def: S, body: ActionBody<S['schema']>): Pair<S> {
  return { def, body };
}

export const createItemAction = define({ name: 'items.create', schema: createItemSchema }, async (input, { tenant, user }) => {
  try {
    const item = await db.item.create({
      data: { tenantId: tenant.id, name: input.name, createdById: user.id },
      select: { id: true },
    });
    return { message: `Added “${input.name}”`, data: { id: item.id }, audit: { id: item.id } };
  } catch (error) {
    if (prismaCode(error) === 'P2002') throw new ActionError(TAKEN, { name: [TAKEN] });
    throw error;
  }
});

export const renameItemAction = define({ name: 'items.update', schema: renameItemSchema }, async (input) => {
  try {
    await db.item.update({ where: { id: input.id }, data: { name: input.name }, select: { id: true } });
    return { message: 'Renamed' };
  } catch (error) {
    if (prismaCode(error) === 'P2002') throw new ActionError(TAKEN, { name: [TAKEN] });
    if (prismaCode(error) === 'P2025') throw new ActionError('Item not found');
    throw error;
  }
});

export const deleteItemAction = define({ name: 'items.delete', schema: deleteItemSchema }, async (input) => {
  const { count } = await db.item.deleteMany({ where: { id: input.id } });
  if (count === 0) throw new ActionError('Item not found');
  return { message: 'Deleted' };
});
