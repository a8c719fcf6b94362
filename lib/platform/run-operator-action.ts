/**
 * The core of `operatorAction` with explicit inputs (tests drive it without a Next request).
 *
 * Invariant: no body runs unless the caller is an operator now (lib/platform/operators.ts); anyone
 * else gets exactly "Not found" — the action's answer for a page that does not exist. Every
 * successful body is written to the platform audit log with the operator and the tenant it touched.
 * Tests: tests/platform/operators.test.ts.
 */
import type { z } from 'zod';
import type { ActionState } from '@/lib/actions/action-state';
import { inputErrors } from '@/lib/actions/field-errors';
import { ActionError } from '@/lib/actions/run-tenant-action';
import { logger } from '@/lib/log/logger';
import { recordPlatformAudit } from './audit';
import type { Operator } from './operators';

export const OPERATOR_NOT_FOUND = 'Not found';

export type OperatorDefinition<S extends z.ZodType> = { name: string; schema: S };
export type OperatorContext = { operator: Operator; ip: string | null };
export type OperatorSuccess = {
  message?: string;
  data?: unknown;
  /** The tenant the action touched (for the audit entry). */
  target?: { id: string; slug: string } | null;
  audit?: Record<string, unknown>;
  redirectTo?: string;
};
export type OperatorBody<S extends z.ZodType> = (input: z.output<S>, ctx: OperatorContext) => Promise<OperatorSuccess>;

export type OperatorOutcome = { state: ActionState; redirectTo?: string };

export async function runOperatorAction<S extends z.ZodType>(
  def: OperatorDefinition<S>,
  body: OperatorBody<S>,
  rawInput: unknown,
  { operator, ip }: { operator: Operator | null; ip: string | null },
): Promise<OperatorOutcome> {
  if (!operator) return { state: { ok: false, error: OPERATOR_NOT_FOUND } };
  const parsed = def.schema.safeParse(rawInput);
  if (!parsed.success) {
    const { fieldErrors, formErrors } = inputErrors(parsed.error);
    return { state: { ok: false, error: formErrors[0] ?? 'Please fix the highlighted fields', fieldErrors } };
  }
  let result: OperatorSuccess;
  try {
    result = await body(parsed.data, { operator, ip });
  } catch (error) {
    if (error instanceof ActionError)
      return { state: { ok: false, error: error.message, fieldErrors: error.fieldErrors } };
    logger.error({ err: error, action: def.name }, 'operator action failed');
    return { state: { ok: false, error: 'Something went wrong. Please try again.' } };
  }
  const input = parsed.data && typeof parsed.data === 'object' ? parsed.data : { input: parsed.data };
  await recordPlatformAudit({
    actor: operator,
    action: def.name,
    target: result.target ?? null,
    data: { ...input, ...result.audit },
    ip,
  });
  return { state: { ok: true, message: result.message, data: result.data }, redirectTo: result.redirectTo };
}
