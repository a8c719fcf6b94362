import { z } from 'zod';

export const deleteTenantSchema = z.object({
  confirm: z
    .string({ error: 'Type the workspace slug to confirm' })
    .trim()
    .min(1, 'Type the workspace slug to confirm'),
});

export const restoreTenantSchema = z.object({});

export const transferOwnershipSchema = z.object({
  userId: z.string({ error: 'Choose a member' }).trim().min(1, 'Choose a member').max(64),
  stepDown: z
    .union([z.literal('on'), z.literal('true'), z.boolean()])
    .optional()
    .transform((v) => v === true || v === 'on' || v === 'true'),
});
