import 'server-only';
/**
 * `operatorAction` — the one wrapper for every `/admin` server action: the operator check (else
 * "Not found"), zod validation, the body, the platform audit entry (run-operator-action.ts).
 */
import { refresh } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import type { ActionState } from '@/lib/actions/action-state';
import { clientIp } from '@/lib/actions/client-ip';
import { formDataToObject } from '@/lib/actions/form-data';
import { getOperator } from './operator-session';
import { type OperatorBody, type OperatorDefinition, runOperatorAction } from './run-operator-action';

export function operatorAction<S extends z.ZodType>(def: OperatorDefinition<S>, body: OperatorBody<S>) {
  return async (_prev: ActionState | null, formData: FormData): Promise<ActionState> => {
    const [operator, h] = await Promise.all([getOperator(), headers()]);
    const input = formData instanceof FormData ? formDataToObject(formData) : null;
    const outcome = await runOperatorAction(def, body, input, { operator, ip: clientIp(h) });
    if (outcome.redirectTo) redirect(outcome.redirectTo);
    if (outcome.state.ok) refresh();
    return outcome.state;
  };
}
