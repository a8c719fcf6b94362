import { defineAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/run-tenant-action';
import { cutTenantSockets } from './cut-sockets';
import { notifyOwnershipTransferred } from './notify';
import { deleteTenantSchema, restoreTenantSchema, transferOwnershipSchema } from './schemas';
import { restoreTenant, scheduleDeletion } from './status';
import { transferOwnership } from './transfer';

/** The owner deletes the tenant: it is suspended now and purged after the grace period. */
export const deleteTenantAction = defineAction(
  { name: 'tenant.delete', schema: deleteTenantSchema },
  async (input, { tenant }) => {
    if (input.confirm.toLowerCase() !== tenant.slug)
      throw new ActionError('That is not this workspace’s slug', { confirm: ['Type the slug exactly'] });
    const purgeAfter = await scheduleDeletion(tenant.id);
    if (!purgeAfter) throw new ActionError('Not found');
    await cutTenantSockets(tenant.id);
    return {
      message: `Scheduled for deletion on ${purgeAfter.toISOString().slice(0, 10)}`,
      audit: { purgeAfter: purgeAfter.toISOString() },
    };
  },
);

/** The owner cancels a scheduled deletion: the one action a suspended tenant still runs. */
export const restoreTenantAction = defineAction(
  { name: 'tenant.restore', schema: restoreTenantSchema, allowSuspended: true },
  async (_input, { tenant }) => {
    if (!(await restoreTenant(tenant.id))) throw new ActionError('This workspace is not scheduled for deletion');
    return { message: 'Restored' };
  },
);

export const transferOwnershipAction = defineAction(
  { name: 'tenant.transfer', schema: transferOwnershipSchema },
  async (input, { tenant, user }) => {
    const result = await transferOwnership(tenant.id, {
      fromUserId: user.id,
      toUserId: input.userId,
      stepDown: input.stepDown,
    });
    if (!result.ok)
      throw new ActionError(
        result.reason === 'self' ? 'You are already an owner' : 'Choose a member of this workspace',
      );
    await notifyOwnershipTransferred({ tenantId: tenant.id, slug: tenant.slug, from: result.from, to: result.to });
    return { message: `${result.to.email} is now an owner`, audit: { to: result.to.id, steppedDown: input.stepDown } };
  },
);
