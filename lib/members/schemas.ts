import { z } from 'zod';
import { ROLES } from '@/lib/auth/permissions';

/** Input rules of the members page (role changes, removal); invitations reuse `roleSchema`. */
export const roleSchema = z.enum(ROLES, { error: 'Choose a role.' });

const memberId = z.string({ error: 'Missing member.' }).min(1, 'Missing member.').max(64);

export const changeRoleSchema = z.object({ userId: memberId, role: roleSchema });
export const removeMemberSchema = z.object({ userId: memberId });
