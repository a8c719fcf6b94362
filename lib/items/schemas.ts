import { z } from 'zod';

/** Item input rules: one schema for the server actions (lib/items/actions.ts) and the REST API (lib/items/api.ts). */
export const itemName = z
  .string({ error: 'Enter a name' })
  .trim()
  .min(1, 'Enter a name')
  .max(100, 'Keep the name under 100 characters')
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'The name contains control characters');

export const itemId = z.string({ error: 'Missing item' }).min(1, 'Missing item').max(64);

export const createItemSchema = z.object({ name: itemName });
export const renameItemSchema = z.object({ id: itemId, name: itemName });
export const deleteItemSchema = z.object({ id: itemId });
