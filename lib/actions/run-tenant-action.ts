import 'server-only';
/**
 * The core of `tenantAction` (lib/actions/tenant-action.ts) with explicit inputs — no Next request
 * scope, no Auth.js — so tests run every step against the real database. The numbered steps and
 * the invariant are documented in tenant-action.ts. Tests: tests/auth/tenant-action.test.ts.
 */
import type { z } from 'zod';
import { checkMembershipIn } from '@/lib/auth/membership';
import { type Action, isAction, type Role, requiredRole } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { recordAudit } from '@/lib/audit';
import { withTenant } from '@/lib/db';
import { rateLimitMessage } from '@/lib/rate-limit';
import { rateLimitFor } from '@/lib/rate-limit/rate-limit-for';
import type { TenantInfo } from '@/lib/tenants/tenant-info';
import type { ActionState } from './action-state';
import { inputErrors } from '@/lib/actions/field-errors';
import { getRequestLogger } from '@/lib/log/logger';

export type ActionContext = { tenant: TenantInfo; user: SessionUser; role: Role };

/**
 * `name` is the audit action, e.g. `items.create`, and also the permission when it is a row of the
 * permission table. Any other name must say which row guards it (`permission`): the compiler
 * refuses an action that no row guards.
 */
export type ActionDefinition<S extends z.ZodType> =
  | { name: Action; permission?: Action; schema: S }
  | { name: string; permission: Action; schema: S };

export type ActionSuccess = {
  message?: string;
  data?: unknown;
  /** Extra audit fields (e.g. the id of what was created); merged over the validated input. */
  audit?: Record<string, unknown>;
  /** Redirect after the audit entry is written. */
  redirectTo?: string;
};

export type ActionBody<S extends z.ZodType> = (
  input: z.output<S>,
  ctx: ActionContext,
  // biome-ignore lint/suspicious/noConfusingVoidType: a body may simply not return anything
) => Promise<ActionSuccess | undefined | void>;

/** A refusal the user should read (e.g. "that name is taken"). Nothing is audited. */
export class ActionError extends Error {
  readonly fieldErrors?: Record<string, string[]>;
  constructor(message: string, fieldErrors?: Record<string, string[]>) {
    super(message);
    this.name = 'ActionError';
    this.fieldErrors = fieldErrors;
  }
}

/** Everything the wrapper needs from the request, passed explicitly so tests need no Next scope. */
export type ActionRequest = { user: SessionUser | null; tenant: TenantInfo | null; ip: string | null };

export type ActionOutcome = { state: ActionState; redirectTo?: string };

export const NOT_FOUND_MESSAGE = 'Not found';
export const FORBIDDEN_MESSAGE = 'You do not have permission to do that';
export const SIGNED_OUT_MESSAGE = 'Sign in first';

/** The permission a definition asks for: `permission`, else its name when that is in the table, else any member. */
export function permissionOf(def: { name: string; permission?: Action }): Action {
  return def.permission ?? (isAction(def.name) ? def.name : 'tenant.view');
}

export function minimumRole(def: { name: string; permission?: Action }): Role {
  return requiredRole(permissionOf(def));
}

/** Next's redirect()/notFound()/forbidden() travel as errors with a NEXT_ digest: let them through. */
function isNextControlFlow(error: unknown): error is Error & { digest: string } {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && digest.startsWith('NEXT_');
}

/** Steps 3–8 with explicit inputs. Exported for tests; apps use `tenantAction`. */
export async function runTenantAction<S extends z.ZodType>(
  def: ActionDefinition<S>,
  body: ActionBody<S>,
  rawInput: unknown,
  request: ActionRequest,
): Promise<ActionOutcome> {
  const { user, tenant, ip } = request;
  if (!user) return { state: { ok: false, error: SIGNED_OUT_MESSAGE } };
  if (!tenant) return { state: { ok: false, error: NOT_FOUND_MESSAGE } };

  const check = await checkMembershipIn(tenant, user.id, minimumRole(def), true);
  if (check.status === 'not-found') return { state: { ok: false, error: NOT_FOUND_MESSAGE } };
  if (check.status === 'forbidden') return { state: { ok: false, error: FORBIDDEN_MESSAGE } };

  const limit = await rateLimitFor(tenant, user.id);
  if (!limit.ok) return { state: { ok: false, error: rateLimitMessage(limit.retryAfterSeconds) } };

  const parsed = def.schema.safeParse(rawInput);
  if (!parsed.success) {
    const { fieldErrors, formErrors } = inputErrors(parsed.error);
    return { state: { ok: false, error: formErrors[0] ?? 'Please fix the highlighted fields', fieldErrors } };
  }

  const ctx: ActionContext = { tenant, user, role: check.role };
  const audit = (extra?: Record<string, unknown>) =>
    recordAudit({ tenantId: tenant.id, userId: user.id, action: def.name, data: auditData(parsed.data, extra), ip });

  // biome-ignore lint/suspicious/noConfusingVoidType: mirrors ActionBody
  let result: ActionSuccess | undefined | void;
  try {
    result = await withTenant(tenant.id, () => body(parsed.data, ctx));
  } catch (error) {
    if (error instanceof ActionError)
      return { state: { ok: false, error: error.message, fieldErrors: error.fieldErrors } };
    if (isNextControlFlow(error)) {
      if (error.digest.startsWith('NEXT_REDIRECT')) await audit();
      throw error;
    }
    (await getRequestLogger({ action: def.name, tenantId: tenant.id })).error({ err: error }, 'action failed');
    return { state: { ok: false, error: 'Something went wrong. Please try again.' } };
  }

  await audit(result?.audit);
  return {
    state: { ok: true, message: result?.message, data: result?.data },
    redirectTo: result?.redirectTo,
  };
}

function auditData(input: unknown, extra?: Record<string, unknown>): unknown {
  if (input && typeof input === 'object' && !Array.isArray(input)) return { ...input, ...extra };
  return extra ? { input, ...extra } : { input };
}
