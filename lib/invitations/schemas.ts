import { z } from 'zod';
import { roleSchema } from '@/lib/members/schemas';

/** Input rules of the invite form and of withdrawing an invitation. */
export const inviteSchema = z.object({
  email: z.email({ error: 'Enter a valid email address.' }).trim().max(254).toLowerCase(),
  role: roleSchema,
});
export const revokeInvitationSchema = z.object({ id: z.string().min(1).max(64) });
