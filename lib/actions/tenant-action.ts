import 'server-only';
/**
 * `tenantAction` — the ONE wrapper for every server action that touches tenant data.
 *
 *   export const createItem = tenantAction(
 *     { name: 'items.create', schema: z.object({ name: z.string().min(1) }) },
 *     async (input, { tenant, user, role }) => { await db.item.create(…); return { message: 'Added' } },
 *   );
 *
 * In order, on the server, for every call:
 *   1. who: the signed-in user (Auth.js) — none → "Sign in first";
 *   2. where: the tenant from the middleware's trusted header — NEVER from the form;
 *   3. membership, read from the database now — not a member → "Not found" (reveals nothing);
 *   4. permission: `PERMISSIONS[permission ?? name]` (lib/auth/permissions.ts) — too low → refused;
 *   5. rate limit `rate_limit:<tenant>:<user>` by plan — exceeded → "Too many requests, retry in Ns";
 *   6. zod validation — invalid → `{ ok: false, fieldErrors }`, nothing written;
 *   7. the body, inside `withTenant(tenant.id)` so `db` is scoped to this tenant;
 *   8. on success, the audit entry (tenant, user, action, validated input minus secrets, ip).
 * The body throws `ActionError` for a domain refusal (shown inline, no audit) and returns
 * `{ redirectTo }` instead of calling `redirect()` itself (so the audit entry is written first).
 *
 * Invariant: no body runs, and nothing is written, unless 1–6 passed; every successful body is
 * audited. Tests: tests/auth/tenant-action.test.ts (each step has a test that fails without it).
 */
import { headers } from 'next/headers';
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { getSessionUser } from '@/lib/auth/session';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { getTenant } from '@/lib/tenants/server';
import type { ActionState } from './action-state';
import { formDataToObject } from './form-data';
import { type ActionBody, type ActionDefinition, type ActionRequest, runTenantAction } from './run-tenant-action';
import { clientIp } from './client-ip';
import { getRequestLogger } from '@/lib/log/logger';

export type { ActionState } from './action-state';
export {
  type ActionBody,
  type ActionContext,
  type ActionDefinition,
  ActionError,
  type ActionOutcome,
  type ActionRequest,
  type ActionSuccess,
  FORBIDDEN_MESSAGE,
  minimumRole,
  NOT_FOUND_MESSAGE,
  runTenantAction,
  SIGNED_OUT_MESSAGE,
} from './run-tenant-action';

async function currentRequest(): Promise<ActionRequest> {
  const [user, tenant, h] = await Promise.all([getSessionUser(), getTenant(), headers()]);
  return { user, tenant, ip: clientIp(h) };
}

/** Shown when the database is unreachable: the form stays usable and says so, instead of a 500. */
export const UNAVAILABLE_MESSAGE = 'The service is temporarily unavailable. Please try again in a moment.';

async function run<S extends z.ZodType>(
  def: ActionDefinition<S>,
  body: ActionBody<S>,
  input: unknown,
): Promise<ActionState> {
  let outcome: Awaited<ReturnType<typeof runTenantAction>>;
  try {
    outcome = await runTenantAction(def, body, input, await currentRequest());
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    (await getRequestLogger({ action: def.name })).error('action failed: database unreachable');
    return { ok: false, error: UNAVAILABLE_MESSAGE };
  }
  if (outcome.redirectTo) redirect(outcome.redirectTo);
  // The page that posted the action re-renders with the new data.
  if (outcome.state.ok) refresh();
  return outcome.state;
}

/** A server action for `useActionState` / `<form action>`: `(prevState, formData) => ActionState`. */
export function tenantAction<S extends z.ZodType>(def: ActionDefinition<S>, body: ActionBody<S>) {
  // A forged call can pass anything as the second argument: only FormData is input here, anything
  // else is refused by validation (step 6) instead of a 500 from formDataToObject.
  return async (_prev: ActionState | null, formData: FormData): Promise<ActionState> =>
    run(def, body, formData instanceof FormData ? formDataToObject(formData) : null);
}

/** The same wrapper for actions called with a plain object (e.g. from an onClick handler). */
export function tenantObjectAction<S extends z.ZodType>(def: ActionDefinition<S>, body: ActionBody<S>) {
  return async (input: z.input<S>): Promise<ActionState> => run(def, body, input);
}
