import type { ZodType } from 'zod';
import type { ActionBody, ActionDefinition } from '@/lib/actions/run-tenant-action';

/**
 * A tenant action's definition and body, kept together in `lib/<feature>/actions.ts`. The
 * `'use server'` entry in `components/<feature>/actions.ts` wraps the pair with `tenantAction`
 * (a `'use server'` file may only export actions); tests call `runTenantAction(pair.def, pair.body, …)`.
 */
export type ActionPair<S extends ActionDefinition<ZodType>> = { def: S; body: ActionBody<S['schema']> };

export function defineAction<S extends ActionDefinition<ZodType>>(
  def: S,
  body: ActionBody<S['schema']>,
): ActionPair<S> {
  return { def, body };
}
