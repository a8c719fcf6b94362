import { z } from 'zod';

const tenantId = z.string({ error: 'Missing tenant' }).trim().min(1).max(64);
const reason = z
  .string({ error: 'Give a reason' })
  .trim()
  .min(3, 'Give a reason (at least 3 characters)')
  .max(500, 'Keep the reason under 500 characters');

export const suspendSchema = z.object({ tenantId, reason });
export const tenantIdSchema = z.object({ tenantId });
export const impersonateSchema = z.object({
  tenantId,
  userId: z.string({ error: 'Choose a member' }).trim().min(1, 'Choose a member').max(64),
  reason,
  write: z
    .union([z.literal('on'), z.literal('true'), z.boolean()])
    .optional()
    .transform((v) => v === true || v === 'on' || v === 'true'),
});
