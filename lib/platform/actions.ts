/**
 * The console's action bodies. Each runs through `operatorAction` (operator check, validation,
 * platform audit entry); the `'use server'` entries are in components/admin/actions.ts.
 */
import { ActionError } from '@/lib/actions/run-tenant-action';
import { restoreTenant, scheduleDeletion, suspendTenant, tenantStatus, unsuspendTenant } from '@/lib/lifecycle/status';
import { cutTenantSockets } from '@/lib/lifecycle/cut-sockets';
import { impersonateSchema, suspendSchema, tenantIdSchema } from './schemas';
import { startImpersonation } from './impersonation';
import type { OperatorBody, OperatorDefinition } from './run-operator-action';
import type { z } from 'zod';

type Pair<S extends z.ZodType> = { def: OperatorDefinition<S>; body: OperatorBody<S> };
const pair = <S extends z.ZodType>(def: OperatorDefinition<S>, body: OperatorBody<S>): Pair<S> => ({ def, body });

async function target(tenantId: string): Promise<{ id: string; slug: string }> {
  const status = await tenantStatus(tenantId);
  if (!status) throw new ActionError('Not found');
  return { id: status.id, slug: status.slug };
}

export const suspendTenantOp = pair({ name: 'tenant.suspend', schema: suspendSchema }, async (input) => {
  const t = await target(input.tenantId);
  await suspendTenant(t.id, input.reason);
  await cutTenantSockets(t.id);
  return { message: `${t.slug} is suspended`, target: t };
});

export const unsuspendTenantOp = pair({ name: 'tenant.unsuspend', schema: tenantIdSchema }, async (input) => {
  const t = await target(input.tenantId);
  if (!(await unsuspendTenant(t.id))) throw new ActionError('Scheduled for deletion: restore it instead');
  return { message: `${t.slug} is active again`, target: t };
});

export const deleteTenantOp = pair({ name: 'tenant.delete', schema: tenantIdSchema }, async (input) => {
  const t = await target(input.tenantId);
  const purgeAfter = await scheduleDeletion(t.id);
  await cutTenantSockets(t.id);
  return {
    message: `${t.slug} will be purged on ${purgeAfter?.toISOString().slice(0, 10)}`,
    target: t,
    audit: { purgeAfter: purgeAfter?.toISOString() },
  };
});

export const restoreTenantOp = pair({ name: 'tenant.restore', schema: tenantIdSchema }, async (input) => {
  const t = await target(input.tenantId);
  if (!(await restoreTenant(t.id))) throw new ActionError('Not scheduled for deletion');
  return { message: `${t.slug} is restored`, target: t };
});

/** Starts an impersonation; the entry file sets the cookie from the returned token. */
export const impersonateOp = pair(
  { name: 'impersonation.start', schema: impersonateSchema },
  async (input, { operator }) => {
    const t = await target(input.tenantId);
    const started = await startImpersonation({
      operator,
      tenantId: t.id,
      userId: input.userId,
      reason: input.reason,
      write: input.write,
    });
    if (!started) throw new ActionError('Choose a member of this tenant', { userId: ['Not a member'] });
    return {
      message: `Viewing ${t.slug} as ${started.user.email}`,
      target: t,
      data: { token: started.token, expiresAt: started.expiresAt.toISOString(), slug: t.slug },
      audit: { as: started.user.email, expiresAt: started.expiresAt.toISOString() },
    };
  },
);
